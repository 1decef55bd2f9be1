package org.bastion.crm.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        f.createUser("alice");
        LoginResult login = f.authenticator.login("alice", SecurityFixture.PASSWORD, client);

        assertThat(f.query("SELECT token_hash FROM crm_session")).isEqualTo(SessionTokens.hash(login.token()))
                .isNotEqualTo(login.token());
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeoutAndAUsedOneLives() {
        f.createUser("alice");
        String idle = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        String busy = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();

        f.clock.advance(Duration.ofMinutes(20));
        assertThat(f.authenticator.authenticate(busy, client)).isPresent();
        f.clock.advance(Duration.ofMinutes(10));

        assertThat(f.authenticator.authenticate(idle, client)).isEmpty();
        AuthenticatedSession session = f.authenticator.authenticate(busy, client).orElseThrow();
        assertThat(session.idleExpiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isEqualTo(1);
    }

    @Test
    void aSessionEndsAfterTheAbsoluteLifetimeHoweverMuchItIsUsed() {
        f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        Instant absolute = f.clock.instant().plus(Duration.ofHours(12));

        for (int i = 0; i < 12 * 3 - 1; i++) {
            f.clock.advance(Duration.ofMinutes(20));
            AuthenticatedSession session = f.authenticator.authenticate(token, client).orElseThrow();
            assertThat(session.absoluteExpiresAt()).isEqualTo(absolute);
        }
        f.clock.advance(Duration.ofMinutes(20));

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        Instant created = f.clock.instant();

        f.clock.advance(Duration.ofSeconds(30));
        f.authenticator.authenticate(token, client).orElseThrow();
        assertThat(lastSeen()).isEqualTo(created);

        f.clock.advance(Duration.ofSeconds(31));
        f.authenticator.authenticate(token, client).orElseThrow();
        assertThat(lastSeen()).isEqualTo(created.plusSeconds(61));
    }

    @Test
    void aCachedSessionRevokedIsRefusedAtOnce() {
        User alice = f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        AuthenticatedSession session = f.authenticator.authenticate(token, client).orElseThrow();
        assertThat(f.sessions.cachedSessions()).isEqualTo(1);
        f.actAs(alice);

        f.sessionService.revoke(session.sessionId());

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
        assertThat(f.events.last(SecurityEvents.SESSION_REVOKED).getProperty(SecurityEvents.SESSION_ID))
                .isEqualTo(session.sessionId());
    }

    @Test
    void logoutEndsTheSessionAndIgnoresUnknownTokens() {
        f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        f.authenticator.authenticate(token, client).orElseThrow();

        f.authenticator.logout(token);
        f.authenticator.logout("not a token");
        f.authenticator.logout(null);

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
        assertThat(f.events.of(SecurityEvents.LOGGED_OUT)).hasSize(1);
    }

    @Test
    void junkAndUnknownTokensAreRefused() {
        assertThat(f.authenticator.authenticate(null, client)).isEmpty();
        assertThat(f.authenticator.authenticate("", client)).isEmpty();
        assertThat(f.authenticator.authenticate("x".repeat(43), client)).isEmpty();
        assertThat(f.authenticator.authenticate("'; DROP TABLE crm_session; --", client)).isEmpty();
    }

    @Test
    void usersSeeTheirOwnSessionsAndNobodyElses() {
        User alice = f.createUser("alice");
        User bob = f.createUser("bob");
        f.authenticator.login("alice", SecurityFixture.PASSWORD, client);
        String bobsToken = f.authenticator.login("bob", SecurityFixture.PASSWORD, client).token();
        String bobsSession = f.authenticator.authenticate(bobsToken, client).orElseThrow().sessionId();

        f.actAs(alice);
        List<SessionInfo> own = f.sessionService.sessionsOf(alice.id());
        assertThat(own).singleElement().satisfies(info -> {
            assertThat(info.username()).isEqualTo("alice");
            assertThat(info.address()).isEqualTo("192.0.2.1");
            assertThat(info.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
        });
        assertThatThrownBy(() -> f.sessionService.sessionsOf(bob.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sessionService.revoke(bobsSession)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sessionService.all()).isInstanceOf(org.bastion.crm.api.AccessDeniedException.class);
        assertThat(f.authenticator.authenticate(bobsToken, client)).isPresent();

        f.actAsAdmin();
        assertThat(f.sessionService.all()).hasSize(2);
        assertThat(f.sessionService.revokeAllOf(bob.id())).isEqualTo(1);
        assertThat(f.authenticator.authenticate(bobsToken, client)).isEmpty();
    }

    @Test
    void disablingAUserEndsItsSessions() {
        User alice = f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        f.authenticator.authenticate(token, client).orElseThrow();

        f.actAsAdmin();
        f.userService.disable(alice.id());

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isZero();
    }

    @Test
    void aShorterLifetimeSettingAppliesToOpenSessions() {
        f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        var current = f.policy.settings();
        f.policy.apply(new org.bastion.crm.security.internal.SecuritySettings(Duration.ofMinutes(5),
                current.sessionAbsoluteLifetime(), current.mfaChallengeLifetime(), current.mfaRequiredRoles(),
                current.passwordMinLength(), current.throttle(), current.adminPasswordFile()));

        f.clock.advance(Duration.ofMinutes(6));

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
    }

    private Instant lastSeen() {
        return ((java.time.OffsetDateTime) f.query("SELECT last_seen_at FROM crm_session")).toInstant();
    }
}
