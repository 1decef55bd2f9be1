package org.bastion.crm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.junit.jupiter.api.Test;

class SecurityAuditTest {

    private static final ClientInfo FROM = new ClientInfo("203.0.113.7", "JUnit", "rest");

    private final SecurityFixture f = new SecurityFixture();

    @Test
    void aFailedLoginIsRecordedWithTheTypedNameTheClientAndAReasonButNoPassword() {
        User alice = f.createUser("alice");

        assertThatThrownBy(() -> f.authenticator.login(" Alice ", "wrong password 123", FROM))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.authenticator.login("nobody", "wrong password 123", FROM))
                .isInstanceOf(AuthenticationException.class);

        List<AuditEntry> failed = f.audit.of(AuditActions.LOGIN_FAILED);
        assertThat(failed).hasSize(2);
        AuditEntry known = failed.get(0);
        assertThat(known.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(known.actor().userId()).isEqualTo("anonymous");
        assertThat(known.actor().username()).isEqualTo("alice");
        assertThat(known.actor().channel()).isEqualTo("rest");
        assertThat(known.actor().address()).isEqualTo("203.0.113.7");
        assertThat(known.target().id()).isEqualTo(alice.id());
        assertThat(known.details()).containsEntry("reason", "bad-password");
        assertThat(failed.get(1).target()).isNull();
        assertThat(failed.get(1).details()).containsEntry("reason", "unknown-user");
        assertThat(f.audit.all().toString()).doesNotContain("wrong password");
        assertThat(f.audit.changes()).as("authentication outcomes are queued, never part of a change")
                .extracting(AuditEntry::action).doesNotContain(AuditActions.LOGIN_FAILED);
    }

    @Test
    void aSuccessfulLoginAndLogoutAreRecordedAsTheUser() {
        User bob = f.createUser("bob");

        LoginResult result = f.authenticator.login("bob", SecurityFixture.PASSWORD, FROM);
        f.authenticator.logout(result.token());

        AuditEntry login = f.audit.only(AuditActions.LOGIN_SUCCEEDED);
        assertThat(login.actor().userId()).isEqualTo(bob.id());
        assertThat(login.actor().address()).isEqualTo("203.0.113.7");
        assertThat(login.details()).containsKey("session").doesNotContainValue(result.token());
        assertThat(f.audit.only(AuditActions.LOGOUT).actor().userId()).isEqualTo(bob.id());
    }

    @Test
    void theSecondFactorAndARecoveryCodeAreRecorded() {
        User carol = f.createUser("carol");
        SecurityFixture.Enrolled enrolled = f.enableTotp(carol);
        assertThat(f.audit.only(AuditActions.TOTP_ENROLLED).target().id()).isEqualTo(carol.id());

        LoginResult first = f.authenticator.login("carol", SecurityFixture.PASSWORD, FROM);
        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), "000000", FROM))
                .isInstanceOf(AuthenticationException.class);
        LoginResult second = f.authenticator.login("carol", SecurityFixture.PASSWORD, FROM);
        f.authenticator.completeMfa(second.challenge(), enrolled.recoveryCodes().get(0), FROM);

        assertThat(f.audit.only(AuditActions.MFA_FAILED).details()).containsEntry("reason", "bad-code");
        assertThat(f.audit.only(AuditActions.MFA_PASSED).details()).containsEntry("factor", "recovery-code");
        assertThat(f.audit.only(AuditActions.RECOVERY_CODE_USED).actor().userId()).isEqualTo(carol.id());
        assertThat(f.audit.all().toString()).doesNotContain(enrolled.recoveryCodes().get(0));
    }

    @Test
    void aLockoutAndItsUnlockAreRecorded() {
        User dave = f.createUser("dave");
        for (int i = 0; i < 30; i++) {
            try {
                f.authenticator.login("dave", "wrong password 123", FROM);
            } catch (AuthenticationException | TooManyAttemptsException expected) {
                // counted
            }
        }
        assertThat(f.audit.only(AuditActions.ACCOUNT_LOCKED).target().id()).isEqualTo(dave.id());
        assertThat(f.audit.of(AuditActions.LOGIN_FAILED)).anySatisfy(entry -> assertThat(entry.details().get("reason"))
                .startsWith("throttled-"));

        f.actAsAdmin();
        f.userService.unlock(dave.id());

        assertThat(f.audit.changes()).extracting(AuditEntry::action).contains(AuditActions.ACCOUNT_UNLOCKED);
    }

    @Test
    void userAdministrationIsRecordedInItsTransactionWithTheRolesGrantedAndRevoked() {
        User erin = f.createUser("erin");
        f.actAsAdmin();
        f.userService.disable(erin.id());
        f.userService.enable(erin.id());
        f.userService.setRoles(erin.id(), Set.of(SecurityRoles.ADMIN));
        f.userService.resetPassword(erin.id(), "another fine passphrase 42");

        assertThat(f.audit.changes()).extracting(AuditEntry::action).containsSubsequence(AuditActions.USER_CREATED,
                AuditActions.USER_DISABLED, AuditActions.USER_ENABLED, AuditActions.USER_ROLES_CHANGED,
                AuditActions.PASSWORD_RESET);
        assertThat(f.audit.only(AuditActions.USER_ROLES_CHANGED).details()).containsEntry("granted", "admin")
                .containsEntry("roles", "admin");
        assertThat(f.audit.all().toString()).doesNotContain("another fine passphrase").doesNotContain("@example.org");
    }

    @Test
    void aChangeThatFailsAfterItsEntryLeavesNoEntry() throws Exception {
        User frank = f.createUser("frank");
        try (var connection = f.dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE crm_user_role ADD CONSTRAINT no_admin CHECK (role <> 'admin')");
        }
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.setRoles(frank.id(), Set.of(SecurityRoles.ADMIN)))
                .isInstanceOf(RuntimeException.class);

        assertThat(f.audit.of(AuditActions.USER_ROLES_CHANGED)).isEmpty();
    }

    @Test
    void whileATrailIsRequiredAndMissingChangesAreRefusedAndLoginsGoOn() {
        f.createUser("grace");
        f.auditInstalled(false);
        f.auditRequired = true;
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.create(new UserDraft("heidi", "Heidi", "heidi@example.org", SecurityFixture.PASSWORD,
                Set.of()))).isInstanceOf(ServiceUnavailableException.class);
        assertThat(f.count("SELECT COUNT(*) FROM crm_user WHERE username = 'heidi'")).isZero();
        assertThat(f.authenticator.login("grace", SecurityFixture.PASSWORD, FROM).token()).isNotBlank();

        f.auditInstalled(true);
        f.userService.create(new UserDraft("heidi", "Heidi", "heidi@example.org", SecurityFixture.PASSWORD, Set.of()));
        assertThat(f.audit.of(AuditActions.USER_CREATED)).hasSize(2);
    }

    @Test
    void aTrailThatCannotWriteRollsTheChangeBack() {
        User ivan = f.createUser("ivan");
        f.audit.failRecords(true);
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.disable(ivan.id())).isInstanceOf(ServiceUnavailableException.class);

        assertThat(f.count("SELECT COUNT(*) FROM crm_user WHERE id = ? AND status = 'ACTIVE'", ivan.id())).isOne();
    }
}
