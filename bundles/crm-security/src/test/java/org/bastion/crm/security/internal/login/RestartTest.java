package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

/**
 * What a restart of the CRM (or a crash) keeps of the security state: everything that protects an account. Each test
 * builds every service anew over the same database ({@link SecurityFixture#restarted()}), with nothing in memory.
 */
class RestartTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.10");
    private final ClientInfo elsewhere = SecurityFixture.client("198.51.100.10");

    @Test
    void aLockedAccountStaysLockedAfterARestart() {
        f.createUser("alice");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("alice", "wrong password " + 0, client))
                    .isInstanceOf(AuthenticationException.class);
        }

        SecurityFixture restarted = f.restarted();

        assertThatThrownBy(() -> restarted.authenticator.login("alice", SecurityFixture.PASSWORD, elsewhere))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(restarted.guard.lockedUntil("alice")).isNotNull();
    }

    @Test
    void aLockoutKeepsDoublingAcrossARestart() {
        f.createUser("alice");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("alice", "wrong password", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        f.clock.advance(Duration.ofMinutes(1));
        SecurityFixture restarted = f.restarted();

        assertThatThrownBy(() -> restarted.authenticator.login("alice", "wrong password", client))
                .isInstanceOf(AuthenticationException.class);

        // the 6th failure: 2 minutes, as without the restart (a fresh count would allow four more guesses)
        restarted.clock.advance(Duration.ofSeconds(119));
        assertThatThrownBy(() -> restarted.authenticator.login("alice", SecurityFixture.PASSWORD, client))
                .isInstanceOf(TooManyAttemptsException.class);
        restarted.clock.advance(Duration.ofSeconds(1));
        assertThat(restarted.authenticator.login("alice", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void aThrottledAddressStaysThrottledAfterARestart() {
        for (int i = 0; i < 20; i++) {
            String account = "nobody-" + i;
            assertThatThrownBy(() -> f.authenticator.login(account, "guess", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        f.createUser("alice");

        SecurityFixture restarted = f.restarted();

        assertThatThrownBy(() -> restarted.authenticator.login("alice", SecurityFixture.PASSWORD, client))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(restarted.authenticator.login("alice", SecurityFixture.PASSWORD, elsewhere).token()).isNotNull();
    }

    @Test
    void anAdministratorsUnlockIsNotUndoneByARestart() {
        f.createUser("alice");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("alice", "wrong password", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        f.guard.unlock("alice");

        assertThat(f.restarted().authenticator.login("alice", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void aUsedTotpCodeAndAUsedRecoveryCodeStayUsedAfterARestart() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);
        String code = f.codeNow(totp.secret());
        String challenge = f.authenticator.login("root", SecurityFixture.PASSWORD, client).challenge();
        assertThat(f.authenticator.completeMfa(challenge, code, client).token()).isNotNull();
        String recovery = totp.recoveryCodes().get(0);
        challenge = f.authenticator.login("root", SecurityFixture.PASSWORD, client).challenge();
        assertThat(f.authenticator.completeMfa(challenge, recovery, client).token()).isNotNull();

        SecurityFixture restarted = f.restarted();

        String again = restarted.authenticator.login("root", SecurityFixture.PASSWORD, client).challenge();
        assertThatThrownBy(() -> restarted.authenticator.completeMfa(again, code, client))
                .isInstanceOf(AuthenticationException.class);
        String once = restarted.authenticator.login("root", SecurityFixture.PASSWORD, client).challenge();
        assertThatThrownBy(() -> restarted.authenticator.completeMfa(once, recovery, client))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aRevokedOrLoggedOutSessionStaysEndedAndAPendingChallengeIsGoneAfterARestart() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(root);
        String loggedOut = f.loginWithTotp("root", totp.secret(), client).token();
        f.clock.advance(Duration.ofSeconds(30));
        String revoked = f.loginWithTotp("root", totp.secret(), client).token();
        f.clock.advance(Duration.ofSeconds(30));
        String pending = f.authenticator.login("root", SecurityFixture.PASSWORD, client).challenge();
        f.authenticator.logout(loggedOut);
        f.sessions.end(f.sessions.byToken(revoked).orElseThrow());

        SecurityFixture restarted = f.restarted();

        assertThat(restarted.authenticator.authenticate(loggedOut, client)).isEmpty();
        assertThat(restarted.authenticator.authenticate(revoked, client)).isEmpty();
        assertThatThrownBy(() -> restarted.authenticator.completeMfa(pending, restarted.codeNow(totp.secret()),
                client)).isInstanceOf(AuthenticationException.class);
    }
}
