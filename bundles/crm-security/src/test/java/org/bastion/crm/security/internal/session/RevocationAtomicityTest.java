package org.bastion.crm.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

/**
 * A change that must end sessions (a password changed or reset, TOTP reset, a role that now requires TOTP) and the
 * ending of those sessions are one transaction: when the sessions cannot be ended (here: a row pins one, so its delete
 * fails, as a crash between two transactions would leave it), the change is not stored either. Before, the change
 * was committed first and the sessions ended in transactions of their own: a crash in between kept a stolen session
 * open after the password change that was meant to end it.
 */
class RevocationAtomicityTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.7");

    @Test
    void aPasswordChangeWhoseSessionsCannotBeEndedIsNotStored() {
        User alice = f.createUser("alice");
        String current = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        String stolen = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        String currentId = f.authenticator.authenticate(current, client).orElseThrow().sessionId();
        pin(f.authenticator.authenticate(stolen, client).orElseThrow().sessionId());
        Object hash = f.query("SELECT password_hash FROM crm_user WHERE id = ?", alice.id());
        f.actAs(alice);

        assertThatThrownBy(() -> f.accounts.changePassword(SecurityFixture.PASSWORD, "a brand new passphrase",
                currentId)).isInstanceOf(IllegalStateException.class);

        assertThat(f.query("SELECT password_hash FROM crm_user WHERE id = ?", alice.id())).isEqualTo(hash);
        assertThat(f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void aPasswordResetWhoseSessionsCannotBeEndedIsNotStored() {
        User alice = f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        pin(f.authenticator.authenticate(token, client).orElseThrow().sessionId());
        Object hash = f.query("SELECT password_hash FROM crm_user WHERE id = ?", alice.id());
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.resetPassword(alice.id(), "another fine passphrase"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(f.query("SELECT password_hash FROM crm_user WHERE id = ?", alice.id())).isEqualTo(hash);
    }

    @Test
    void aTotpResetWhoseSessionsCannotBeEndedIsNotStored() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);
        String token = f.loginWithTotp("root", totp.secret(), client).token();
        pin(f.authenticator.authenticate(token, client).orElseThrow().sessionId());
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.resetTotp(root.id())).isInstanceOf(IllegalStateException.class);

        assertThat(f.query("SELECT totp_enabled FROM crm_user WHERE id = ?", root.id())).isEqualTo(true);
        assertThat(f.count("SELECT COUNT(*) FROM crm_recovery_code WHERE user_id = ?", root.id()))
                .isEqualTo(totp.recoveryCodes().size());
    }

    @Test
    void aRoleThatNowRequiresTotpIsNotGivenWhileTheSessionsItEndsStayOpen() {
        User bob = f.createUser("bob");
        String token = f.authenticator.login("bob", SecurityFixture.PASSWORD, client).token();
        pin(f.authenticator.authenticate(token, client).orElseThrow().sessionId());
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.setRoles(bob.id(), Set.of(SecurityRoles.ADMIN)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(f.count("SELECT COUNT(*) FROM crm_user_role WHERE user_id = ? AND role = ?", bob.id(),
                SecurityRoles.ADMIN)).isZero();
    }

    /** Makes the session's row undeletable: another table references it. */
    private void pin(String sessionId) {
        try (Connection connection = f.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS pinned_session (session_id VARCHAR(36) NOT NULL"
                    + " REFERENCES crm_session (id))");
            statement.execute("INSERT INTO pinned_session VALUES ('" + sessionId + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
