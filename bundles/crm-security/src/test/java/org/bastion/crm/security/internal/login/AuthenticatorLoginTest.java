package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.password.Argon2idParameters;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class AuthenticatorLoginTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void aUserWithoutTotpGetsASessionWhoseCallerHoldsTheRoles() {
        User alice = f.createUser("alice", SecurityRoles.SALES);

        LoginResult result = f.authenticator.login(" Alice ", SecurityFixture.PASSWORD, client);

        assertThat(result.mfaRequired()).isFalse();
        assertThat(result.totpEnrolmentRequired()).isFalse();
        assertThat(result.token()).hasSize(43);
        assertThat(result.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
        AuthenticatedSession session = f.authenticator.authenticate(result.token(), client).orElseThrow();
        assertThat(session.caller().id()).isEqualTo(alice.id());
        assertThat(session.caller().roles()).containsExactly(SecurityRoles.SALES);
        Event success = f.events.last(SecurityEvents.LOGIN_SUCCEEDED);
        assertThat(success.getProperty(SecurityEvents.USER_ID)).isEqualTo(alice.id());
        assertThat(success.getProperty(SecurityEvents.ADDRESS)).isEqualTo("192.0.2.1");
        assertThat(success.getProperty(SecurityEvents.USER_AGENT)).isEqualTo("JUnit");
        assertThat(success.getProperty(SecurityEvents.CHANNEL)).isEqualTo("rest");
        assertThat(f.query("SELECT last_login_at FROM crm_user WHERE id = ?", alice.id())).isNotNull();
    }

    @Test
    void unknownUserWrongPasswordAndDisabledUserGetTheSameAnswer() {
        User bob = f.createUser("bob");
        f.createUser("carol");
        f.actAsAdmin();
        f.userService.disable(f.userService.findByUsername("carol").orElseThrow().id());

        AuthenticationException unknown = catchThrowableOfType(AuthenticationException.class,
                () -> f.authenticator.login("nobody", SecurityFixture.PASSWORD, client));
        AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class,
                () -> f.authenticator.login("bob", "not the password at all", client));
        AuthenticationException disabled = catchThrowableOfType(AuthenticationException.class,
                () -> f.authenticator.login("carol", SecurityFixture.PASSWORD, client));

        assertThat(List.of(unknown.getMessage(), wrong.getMessage(), disabled.getMessage()))
                .containsOnly(AuthenticationException.LOGIN_FAILED);
        assertThat(f.events.of(SecurityEvents.LOGIN_FAILED)).extracting(e -> e.getProperty(SecurityEvents.REASON))
                .containsExactly("unknown-user", "bad-password", "disabled");
        assertThat(f.events.of(SecurityEvents.LOGIN_FAILED).get(1).getProperty(SecurityEvents.USER_ID))
                .isEqualTo(bob.id());
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isZero();
    }

    @Test
    void missingAndOverlongCredentialsFailLikeAnyOther() {
        f.createUser("dave");
        String overlong = SecurityFixture.PASSWORD + "x".repeat(10_000);

        assertThatThrownBy(() -> f.authenticator.login(null, null, null)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.authenticator.login("dave", overlong, client))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThatThrownBy(() -> f.authenticator.login("x".repeat(500), SecurityFixture.PASSWORD, client))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilAnAdminUnlocks() {
        User erin = f.createUser("erin");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("erin", "wrong password " + System.nanoTime(), client))
                    .isInstanceOf(AuthenticationException.class);
        }

        TooManyAttemptsException locked = catchThrowableOfType(TooManyAttemptsException.class,
                () -> f.authenticator.login("erin", SecurityFixture.PASSWORD, SecurityFixture.client("198.51.100.7")));

        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(f.events.last(SecurityEvents.ACCOUNT_LOCKED).getProperty(SecurityEvents.USER_ID)).isEqualTo(erin.id());
        f.actAsAdmin();
        assertThat(f.userService.get(erin.id()).status()).isEqualTo(UserStatus.LOCKED);
        assertThat(f.userService.get(erin.id()).lockedUntil()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(f.userService.unlock(erin.id()).status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(f.events.last(SecurityEvents.ACCOUNT_UNLOCKED).getProperty(SecurityEvents.ACTOR)).isEqualTo("test-admin");
        assertThat(f.authenticator.login("erin", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void theLockEndsByItself() {
        f.createUser("frank");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("frank", "wrong password!!", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> f.authenticator.login("frank", SecurityFixture.PASSWORD, client))
                .isInstanceOf(TooManyAttemptsException.class);

        f.clock.advance(Duration.ofMinutes(1));

        assertThat(f.authenticator.login("frank", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authenticator.login("ghost", "wrong password!!", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> f.authenticator.login("ghost", "wrong password!!", client))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void anAddressFailingAcrossAccountsIsRefused() {
        f.createUser("gina");
        for (int i = 0; i < 20; i++) {
            String name = "user" + i;
            assertThatThrownBy(() -> f.authenticator.login(name, "wrong password!!", client))
                    .isInstanceOf(AuthenticationException.class);
        }

        assertThatThrownBy(() -> f.authenticator.login("gina", SecurityFixture.PASSWORD, client))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(f.events.last(SecurityEvents.ADDRESS_THROTTLED).getProperty(SecurityEvents.ADDRESS))
                .isEqualTo("192.0.2.1");
        assertThat(f.authenticator.login("gina", SecurityFixture.PASSWORD, SecurityFixture.client("192.0.2.99"))
                .token()).isNotNull();
    }

    @Test
    void anAdminWithoutTotpGetsAnEnrolmentOnlySessionWithoutRoles() {
        User root = f.createUser("root", SecurityRoles.ADMIN);

        LoginResult result = f.authenticator.login("root", SecurityFixture.PASSWORD, client);

        assertThat(result.totpEnrolmentRequired()).isTrue();
        AuthenticatedSession session = f.authenticator.authenticate(result.token(), client).orElseThrow();
        assertThat(session.totpEnrolmentOnly()).isTrue();
        assertThat(session.caller().id()).isEqualTo(root.id());
        assertThat(session.caller().roles()).isEmpty();
        assertThat(f.query("SELECT enrolment_only FROM crm_session")).isEqualTo(true);
    }

    @Test
    void aWeakerStoredHashIsReplacedAfterASuccessfulLogin() {
        User hank = f.createUser("hank");
        String weak = new Argon2idHasher(new java.security.SecureRandom(), new Argon2idParameters(32, 1, 1))
                .hash(SecurityFixture.PASSWORD);
        updatePasswordHash(hank.id(), weak);

        f.authenticator.login("hank", SecurityFixture.PASSWORD, client);

        String stored = (String) f.query("SELECT password_hash FROM crm_user WHERE id = ?", hank.id());
        assertThat(stored).isNotEqualTo(weak).contains("m=64");
        assertThat(f.authenticator.login("hank", SecurityFixture.PASSWORD, client).token()).isNotNull();
    }

    @Test
    void eventsNeverCarryThePasswordOrTheToken() {
        f.createUser("ivy");
        LoginResult result = f.authenticator.login("ivy", SecurityFixture.PASSWORD, client);
        assertThatThrownBy(() -> f.authenticator.login("ivy", "some wrong secret", client))
                .isInstanceOf(AuthenticationException.class);

        for (Event event : f.events.all()) {
            for (String name : event.getPropertyNames()) {
                String value = String.valueOf(event.getProperty(name));
                assertThat(value).doesNotContain(SecurityFixture.PASSWORD, "some wrong secret", result.token(),
                        "ivy@example.org");
            }
        }
    }

    private void updatePasswordHash(String id, String hash) {
        try (var connection = f.dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE crm_user SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setString(2, id);
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
