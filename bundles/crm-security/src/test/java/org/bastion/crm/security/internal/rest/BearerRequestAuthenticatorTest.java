package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.ProblemType;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.TotpEnrolmentRequiredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST application's bearer authentication and the answers security declares for its refusals. */
class BearerRequestAuthenticatorTest {

    private static final String TOKEN = "q8Vn3m-Rz_0aTkP1x9yLw2sDfGhJkL4oPqRsTuVwXyZ";
    private static final String ENROLLING_TOKEN = "enrol-Only_token.42";
    private static final Caller ALICE = new Caller("u-alice", "Alice", Set.of("sales"), true);
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final String CHALLENGE = "Bearer realm=\"bastion-crm\"";
    private static final String INVALID_TOKEN = "Bearer realm=\"bastion-crm\", error=\"invalid_token\"";

    /** Sessions by token; records what it was asked. */
    static final class Sessions implements Authenticator {
        final Map<String, AuthenticatedSession> sessions = new HashMap<>();
        final List<String> tokensAsked = new ArrayList<>();
        final List<ClientInfo> clientsSeen = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Optional<AuthenticatedSession> authenticate(String token, ClientInfo client) {
            tokensAsked.add(token);
            clientsSeen.add(client);
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(sessions.get(token));
        }

        @Override
        public LoginResult login(String username, String password, ClientInfo client) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LoginResult completeMfa(String challenge, String code, ClientInfo client) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void logout(String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Caller verifyConsoleLogin(String username, String passwordFollowedByCode, ClientInfo client) {
            throw new UnsupportedOperationException();
        }
    }

    private final Sessions sessions = new Sessions();
    private final BearerRequestAuthenticator authenticator = new BearerRequestAuthenticator(sessions);

    BearerRequestAuthenticatorTest() {
        sessions.sessions.put(TOKEN, new AuthenticatedSession("s-1", ALICE, false, LATER, LATER));
        sessions.sessions.put(ENROLLING_TOKEN, new AuthenticatedSession("s-2", ALICE, true, LATER, LATER));
    }

    @Test
    void aLiveSessionsTokenIsItsCaller() {
        AuthenticatedRequest request = authenticator.authenticate(List.of("Bearer " + TOKEN), "192.0.2.7", "curl/8.0");
        assertThat(request.caller()).isEqualTo(ALICE);
        assertThat(request.enrolmentOnly()).isFalse();
        assertThat(sessions.tokensAsked).containsExactly(TOKEN);
    }

    @Test
    void schemeIsCaseInsensitiveAndExtraSpacesAreAllowed() {
        assertThat(authenticator.authenticate(List.of("bearer   " + TOKEN), null, null).caller()).isEqualTo(ALICE);
        assertThat(authenticator.authenticate(List.of("BEARER " + TOKEN + " "), null, null).caller()).isEqualTo(ALICE);
    }

    @Test
    void clientInfoIsThePeerAddressAndASanitisedUserAgent() {
        authenticator.authenticate(List.of("Bearer " + TOKEN), "192.0.2.7", "curl/8.0\r\nX-Injected: 1");
        authenticator.authenticate(List.of("Bearer " + TOKEN), null, null);
        assertThat(sessions.clientsSeen.get(0)).isEqualTo(new ClientInfo("192.0.2.7", "curl/8.0??X-Injected: 1", "rest"));
        assertThat(sessions.clientsSeen.get(1).address()).isEqualTo("unknown");
    }

    @Test
    void missingAuthorizationIs401WithABareChallenge() {
        AuthenticationException refused = refused(List.of());
        assertThat(refused.getMessage()).isEqualTo(BearerRequestAuthenticator.NO_TOKEN);
        assertThat(refused.problemHeaders()).containsExactly(Map.entry("WWW-Authenticate", CHALLENGE));
        assertThat(sessions.tokensAsked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Digest username=x", "Token abc", "BearerX abc", ""})
    void otherSchemesAre401WithoutInvalidToken(String header) {
        assertThat(refused(List.of(header)).problemHeaders()).containsEntry("WWW-Authenticate", CHALLENGE);
        assertThat(sessions.tokensAsked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer tok\u00e9n", "Bearer a,b", "Bearer =abc",
            "Bearer \"abc\"", "Bearer\tabc"})
    void malformedBearerTokensAre401InvalidTokenWithoutAskingForASession(String header) {
        AuthenticationException refused = refused(List.of(header));
        assertThat(refused.getMessage()).isEqualTo(BearerRequestAuthenticator.BAD_TOKEN);
        assertThat(refused.problemHeaders()).containsEntry("WWW-Authenticate", INVALID_TOKEN);
        assertThat(sessions.tokensAsked).isEmpty();
    }

    @Test
    void overlongTokenIsRefusedWithoutAskingForASession() {
        assertThat(refused(List.of("Bearer " + "a".repeat(BearerToken.MAX_LENGTH + 1))).invalidToken()).isTrue();
        assertThat(sessions.tokensAsked).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        assertThat(refused(List.of("Bearer " + TOKEN, "Bearer other")).invalidToken()).isTrue();
    }

    @Test
    void unknownOrExpiredTokenIs401InvalidTokenNeverEchoingIt() {
        AuthenticationException refused = refused(List.of("Bearer unknown-token"));
        assertThat(refused.getMessage()).isEqualTo(BearerRequestAuthenticator.BAD_TOKEN).doesNotContain("unknown-token");
        assertThat(refused.invalidToken()).isTrue();
    }

    @Test
    void aSessionRefusedByTheAuthenticatorIs401InvalidToken() {
        sessions.failure = new AuthenticationException("session revoked");
        AuthenticationException refused = refused(List.of("Bearer " + TOKEN));
        assertThat(refused.getMessage()).isEqualTo(BearerRequestAuthenticator.BAD_TOKEN);
        assertThat(refused.invalidToken()).isTrue();
    }

    @Test
    void otherFailuresReachTheRestLayerAsThemselves() {
        sessions.failure = new ServiceUnavailableException("database down");
        assertThatThrownBy(() -> authenticator.authenticate(List.of("Bearer " + TOKEN), null, null))
                .isSameAs(sessions.failure);
    }

    @Test
    void anEnrolmentOnlySessionIsRefusedOtherOperationsWithTotpEnrolmentRequired() {
        AuthenticatedRequest request = authenticator.authenticate(List.of("Bearer " + ENROLLING_TOKEN), null, null);
        assertThat(request.enrolmentOnly()).isTrue();
        assertThat(request.outsideEnrolment()).isInstanceOf(TotpEnrolmentRequiredException.class);
        assertThat(request.outsideEnrolment().code()).isEqualTo("totp-enrolment-required");
        assertThat(statusOf(request.outsideEnrolment())).isEqualTo(403);
    }

    @Test
    void securityDeclaresTheAnswersOfItsRefusals() {
        assertThat(statusOf(new AuthenticationException(AuthenticationException.LOGIN_FAILED))).isEqualTo(401);
        assertThat(new AuthenticationException(AuthenticationException.LOGIN_FAILED).problemHeaders())
                .containsExactly(Map.entry("WWW-Authenticate", CHALLENGE));
        assertThat(statusOf(new TooManyAttemptsException(Duration.ofSeconds(5)))).isEqualTo(429);
        assertThat(new TotpEnrolmentRequiredException()).isNotInstanceOf(org.bastion.crm.api.rest.ProblemHeaders.class);
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(retryAfter(Duration.ofMillis(61_200))).isEqualTo("62");
        assertThat(retryAfter(Duration.ZERO)).isEqualTo("1");
        assertThat(retryAfter(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(retryAfter(Duration.ofSeconds(-5))).isEqualTo("1");
        assertThat(retryAfter(Duration.ofSeconds(900))).isEqualTo("900");
    }

    @Test
    void bearerTokenNeverShowsItsValue() {
        assertThat(BearerToken.of(List.of("Bearer " + TOKEN)).toString()).doesNotContain(TOKEN);
    }

    private static String retryAfter(Duration wait) {
        return new TooManyAttemptsException(wait).problemHeaders().get("Retry-After");
    }

    private static int statusOf(CrmException error) {
        return error.getClass().getAnnotation(ProblemType.class).status();
    }

    private AuthenticationException refused(List<String> authorization) {
        AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                () -> authenticator.authenticate(authorization, null, null));
        assertThat(refused).as("refused").isNotNull();
        assertThat(statusOf(refused)).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        return refused;
    }
}
