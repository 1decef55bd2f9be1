package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.totp.Totp;
import org.junit.jupiter.api.Test;

class ConsoleLoginTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo ssh = new ClientInfo("127.0.0.1", "", "ssh");

    @Test
    void anAdminWithTotpIsAdmittedWithPasswordAndCodeAndNoSessionIsOpened() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);

        Caller caller = f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD + f.codeNow(totp.secret()),
                ssh);

        assertThat(caller.id()).isEqualTo(root.id());
        assertThat(caller.roles()).containsExactly(SecurityRoles.ADMIN);
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isZero();
        assertThat(f.events.last(SecurityEvents.LOGIN_SUCCEEDED).getProperty(SecurityEvents.CHANNEL)).isEqualTo("ssh");
    }

    @Test
    void theCodeCannotBeReplayedOnTheConsole() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);
        String field = SecurityFixture.PASSWORD + f.codeNow(totp.secret());
        f.authenticator.verifyConsoleLogin("root", field, ssh);

        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", field, ssh))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        f.clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        assertThat(f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD + f.codeNow(totp.secret()), ssh))
                .isNotNull();
    }

    @Test
    void aRecoveryCodeWithOrWithoutDashesIsAccepted() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);

        f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD + totp.recoveryCodes().get(0), ssh);
        f.authenticator.verifyConsoleLogin("root",
                SecurityFixture.PASSWORD + totp.recoveryCodes().get(1).replace("-", ""), ssh);

        assertThat(f.events.of(SecurityEvents.RECOVERY_CODE_USED)).hasSize(2);
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root",
                SecurityFixture.PASSWORD + totp.recoveryCodes().get(0), ssh)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void thePasswordAloneOrAWrongCodeOrAWrongPasswordIsRefused() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);
        String wrong = "000000".equals(f.codeNow(totp.secret())) ? "111111" : "000000";

        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD, ssh))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD + wrong, ssh))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", "not the password"
                + f.codeNow(totp.secret()), ssh)).isInstanceOf(AuthenticationException.class);
        assertThat(f.events.of(SecurityEvents.LOGIN_FAILED)).extracting(e -> e.getProperty(SecurityEvents.REASON))
                .containsExactly("no-code", "bad-code", "bad-password");
    }

    @Test
    void usersWhoAreNotAdminsOrHaveNoTotpAreRefusedWithTheSameMessage() {
        User seller = f.createUser("seller", SecurityRoles.SALES);
        SecurityFixture.Enrolled totp = f.enableTotp(seller);
        f.createUser("fresh", SecurityRoles.ADMIN);

        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("seller",
                SecurityFixture.PASSWORD + f.codeNow(totp.secret()), ssh))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("fresh", SecurityFixture.PASSWORD + "123456", ssh))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("nobody", SecurityFixture.PASSWORD + "123456", ssh))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThat(f.events.of(SecurityEvents.LOGIN_FAILED)).extracting(e -> e.getProperty(SecurityEvents.REASON))
                .containsExactly("not-admin", "no-totp", "unknown-user");
    }

    @Test
    void consoleFailuresAreThrottledLikeLogins() {
        f.createUser("root", SecurityRoles.ADMIN);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", "bad guess 123456", ssh))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> f.authenticator.verifyConsoleLogin("root", SecurityFixture.PASSWORD + "123456", ssh))
                .isInstanceOf(TooManyAttemptsException.class);
    }
}
