package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.security.internal.rest.RestTestSupport.T0;
import static org.bastion.crm.security.internal.rest.RestTestSupport.json;
import static org.bastion.crm.security.internal.rest.RestTestSupport.servletRequest;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.AccountService;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.TotpEnrolment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AuthResourceTest {

    private static final String TOKEN = "t0k3n_abc-DEF";
    private static final String BEARER = "Bearer " + TOKEN;
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.10", "Firefox/140?forged line", "rest");
    private static final Caller ANN = new Caller("u-1", "Ann Lee", Set.of("sales"), true);

    private final Authenticator authenticator = mock(Authenticator.class);
    private final AccountService accounts = mock(AccountService.class);
    private final SessionService sessions = mock(SessionService.class);
    private final AuthResource resource = new AuthResource(authenticator, accounts, sessions);
    private final HttpServletRequest request = servletRequest();

    @BeforeEach
    void liveSession() {
        when(authenticator.authenticate(TOKEN, CLIENT))
                .thenReturn(Optional.of(new AuthenticatedSession("s-2", ANN, false, T0, T0)));
    }

    @Test
    void loginAnswersTheTokenNeverCachedAndPassesThePeerAddressAndCleanUserAgent() throws Exception {
        when(authenticator.login("ann", "correct horse battery", CLIENT))
                .thenReturn(LoginResult.session("tok", T0, false));

        Response response = resource.login(new LoginRequest("ann", "correct horse battery"), request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(json(response.getEntity())).isEqualTo(RestTestSupport.MAPPER.readTree(
                "{\"token\":\"tok\",\"expiresAt\":\"2026-01-02T03:04:05Z\",\"totpEnrolmentRequired\":false}"));
    }

    @Test
    void loginOfAUserWithTotpAnswersTheChallenge() throws Exception {
        when(authenticator.login("ann", "pw", CLIENT)).thenReturn(LoginResult.mfa("ch-1", T0));

        Response response = resource.login(new LoginRequest("ann", "pw"), request);

        assertThat(json(response.getEntity())).isEqualTo(RestTestSupport.MAPPER.readTree(
                "{\"mfaRequired\":true,\"challenge\":\"ch-1\",\"expiresAt\":\"2026-01-02T03:04:05Z\"}"));
    }

    @Test
    void loginWithoutBodyOrFieldsIs400AndNoAttempt() {
        assertThatThrownBy(() -> resource.login(null, request)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("body", "is required")));
        assertThatThrownBy(() -> resource.login(new LoginRequest(null, null), request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "is required"), new FieldError("password", "is required")));
        verifyNoInteractions(authenticator);
    }

    @Test
    void overlongCredentialsAtLoginGoToTheAuthenticatorAsAFailedAttempt() {
        String longPassword = "p".repeat(RequestChecks.MAX_PASSWORD + 1);
        String longName = "u".repeat(RequestChecks.MAX_USERNAME + 1);
        when(authenticator.login(longName, longPassword, CLIENT))
                .thenThrow(new AuthenticationException(AuthenticationException.LOGIN_FAILED));

        assertThatThrownBy(() -> resource.login(new LoginRequest(longName, longPassword), request))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        verify(authenticator).login(longName, longPassword, CLIENT);
    }

    @Test
    void throttledLoginLetsTheErrorThroughForThe429Mapping() {
        TooManyAttemptsException throttled = new TooManyAttemptsException(Duration.ofSeconds(60));
        when(authenticator.login(anyString(), anyString(), any())).thenThrow(throttled);
        assertThatThrownBy(() -> resource.login(new LoginRequest("ann", "pw"), request)).isSameAs(throttled);
    }

    @Test
    void mfaAnswersTheToken() throws Exception {
        when(authenticator.completeMfa("ch-1", "123456", CLIENT)).thenReturn(LoginResult.session("tok2", T0, false));

        Response response = resource.mfa(new MfaRequest("ch-1", "123456"), request);

        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(json(response.getEntity()).get("token").asText()).isEqualTo("tok2");
        assertThatThrownBy(() -> resource.mfa(new MfaRequest("ch-1", null), request))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("code", "is required")));
    }

    @Test
    void logoutEndsTheCallingSessionByItsToken() {
        assertThat(resource.logout(BEARER).getStatus()).isEqualTo(204);
        verify(authenticator).logout(TOKEN);
        assertThatThrownBy(() -> resource.logout(null)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> resource.logout("Basic abc")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void meShowsTheContractsFieldsOnly() throws Exception {
        when(accounts.me()).thenReturn(RestTestSupport.user("u-1", "ann"));

        JsonNode me = json(resource.me());

        assertThat(me).isEqualTo(RestTestSupport.MAPPER.readTree("{\"id\":\"u-1\",\"username\":\"ann\","
                + "\"displayName\":\"Ann Lee\",\"email\":\"ann@example.org\",\"status\":\"ACTIVE\","
                + "\"roles\":[\"admin\",\"sales\"],\"totpEnabled\":true,\"totpRequired\":true,\"recoveryCodesLeft\":7,"
                + "\"createdAt\":\"2026-01-02T03:04:05Z\",\"lastLoginAt\":\"2026-01-02T03:05:05Z\"}"));
    }

    @Test
    void sessionsMarkTheCurrentOne() throws Exception {
        when(sessions.sessionsOf("u-1")).thenReturn(List.of(session("s-2"), session("s-1")));

        List<SessionBody> listed = resource.sessions(BEARER, request);

        assertThat(listed).extracting(SessionBody::id, SessionBody::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s-2", true),
                        org.assertj.core.groups.Tuple.tuple("s-1", false));
        assertThat(json(listed.get(0))).isEqualTo(RestTestSupport.MAPPER.readTree("{\"id\":\"s-2\",\"channel\":\"rest\","
                + "\"address\":\"192.0.2.10\",\"userAgent\":\"curl\",\"createdAt\":\"2026-01-02T03:04:05Z\","
                + "\"lastSeenAt\":\"2026-01-02T03:04:05Z\",\"expiresAt\":\"2026-01-02T03:34:05Z\",\"current\":true}"));
    }

    @Test
    void sessionEndedBetweenFilterAndResourceIs401() {
        when(authenticator.authenticate(TOKEN, CLIENT)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> resource.sessions(BEARER, request)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void revokingOneOfTheCallersSessionsEndsIt() {
        when(sessions.sessionsOf("u-1")).thenReturn(List.of(session("s-2"), session("s-1")));

        assertThat(resource.revokeSession("s-1", BEARER, request).getStatus()).isEqualTo(204);

        verify(sessions).revoke("s-1");
    }

    @Test
    void revokingSomeoneElsesOrAnUnknownSessionIsNotFoundAndEndsNothing() {
        when(sessions.sessionsOf("u-1")).thenReturn(List.of(session("s-2")));

        assertThatThrownBy(() -> resource.revokeSession("s-of-bob", BEARER, request))
                .isInstanceOf(NotFoundException.class).hasMessage("session s-of-bob not found");
        assertThatThrownBy(() -> resource.revokeSession("<x>", BEARER, request))
                .isInstanceOf(NotFoundException.class).hasMessageNotContaining("<x>");
        verify(sessions, never()).revoke(anyString());
    }

    @Test
    void enrolmentAnswersSecretUriAndQrCodeAsPngDataUriNeverCached() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        when(accounts.enrolTotp()).thenReturn(new TotpEnrolment("JBSWY3DPEHPK3PXP", "otpauth://totp/x", png));

        Response response = resource.enrolTotp();

        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        TotpEnrolmentBody body = (TotpEnrolmentBody) response.getEntity();
        assertThat(body.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(body.otpauthUri()).isEqualTo("otpauth://totp/x");
        assertThat(body.qrCode()).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(body.qrCode().substring("data:image/png;base64,".length()))).isEqualTo(png);
        assertThat(body.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void confirmAnswersTheRecoveryCodesOnce() throws Exception {
        List<String> codes = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10");
        when(accounts.confirmTotp("123456")).thenReturn(codes);

        Response response = resource.confirmTotp(new TotpCodeRequest("123456"));

        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(json(response.getEntity()).get("recoveryCodes")).hasSize(10);
        assertThatThrownBy(() -> resource.confirmTotp(new TotpCodeRequest(null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.confirmTotp(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void removingTotpNeedsPasswordAndCode() {
        assertThat(resource.removeTotp(new TotpRemovalRequest("pw", "123456")).getStatus()).isEqualTo(204);
        verify(accounts).removeTotp("pw", "123456");

        assertThatThrownBy(() -> resource.removeTotp(new TotpRemovalRequest("x".repeat(129), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("password", "must be at most 128 characters"),
                        new FieldError("code", "is required")));
    }

    @Test
    void passwordChangeKeepsOnlyTheCallingSession() {
        assertThat(resource.changePassword(new PasswordChangeRequest("old-pw", "n".repeat(128)), BEARER, request)
                .getStatus()).isEqualTo(204);
        verify(accounts).changePassword("old-pw", "n".repeat(128), "s-2");
    }

    @Test
    void passwordChangeRefusesOverlongOrMissingPasswordsBeforeAnyHashing() {
        assertThatThrownBy(() -> resource.changePassword(new PasswordChangeRequest(null, "n".repeat(129)), BEARER, request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("currentPassword", "is required"),
                        new FieldError("newPassword", "must be at most 128 characters")));
        verifyNoInteractions(accounts);
    }

    @Test
    void requestBodiesNeverShowSecretsInToString() {
        assertThat(new LoginRequest("ann", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new MfaRequest("chal", "123456").toString()).doesNotContain("chal").doesNotContain("123456");
        assertThat(new PasswordChangeRequest("old1", "new1").toString()).doesNotContain("old1").doesNotContain("new1");
        assertThat(new TokenBody("tok", T0, false).toString()).doesNotContain("tok,");
    }

    private static SessionInfo session(String id) {
        return new SessionInfo(id, "u-1", "ann", "rest", "192.0.2.10", "curl", T0, T0, T0.plusSeconds(1800));
    }
}
