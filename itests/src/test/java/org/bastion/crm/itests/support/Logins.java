package org.bastion.crm.itests.support;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST login flows of {@code /api/v1/auth} as a client goes through them: password step, second factor, TOTP
 * enrolment and logout. Failures name the step and show what the server answered.
 */
public final class Logins {

    private final ApiClients clients;
    private final CrmApi anonymous;

    /** Logins through clients made by {@code clients}. */
    public Logins(ApiClients clients) {
        this.clients = clients;
        this.anonymous = clients.anonymous();
    }

    /** {@code POST /auth/login {username, password}}, whatever the answer. */
    public ApiResponse passwordStep(String username, String password) {
        return anonymous.post("/auth/login", object("username", username, "password", password));
    }

    /** {@code POST /auth/mfa {challenge, code}}, whatever the answer. */
    public ApiResponse mfaStep(String challenge, String code) {
        return anonymous.post("/auth/mfa", object("challenge", challenge, "code", code));
    }

    /** The token of a password-only login (a user without TOTP); fails on any other answer. */
    public String token(String username, String password) {
        JsonNode body = Expect.json(200, passwordStep(username, password));
        assertFalse("no second factor expected for " + username + ": " + body, body.path("mfaRequired").asBoolean());
        return tokenOf(body);
    }

    /** The challenge of a login that needs a second factor; fails on any other answer. */
    public String challenge(String username, String password) {
        JsonNode body = Expect.json(200, passwordStep(username, password));
        assertTrue("a second factor is required for " + username + ": " + body, body.path("mfaRequired").asBoolean());
        assertFalse("a challenge answer carries no token: " + body, body.hasNonNull("token"));
        String challenge = body.path("challenge").asText();
        assertFalse("the challenge is not empty: " + body, challenge.isBlank());
        return challenge;
    }

    /** The token of a full two-factor login with a fresh code of {@code app}. */
    public String tokenWithTotp(String username, String password, AuthenticatorApp app) {
        String code = app.nextCode();
        return tokenWithCode(username, password, code);
    }

    /** The token of a full two-factor login with {@code code} (a TOTP or recovery code). */
    public String tokenWithCode(String username, String password, String code) {
        String challenge = challenge(username, password);
        JsonNode body = Expect.json(200, mfaStep(challenge, code));
        assertFalse("a completed login needs no enrolment: " + body, body.path("totpEnrolmentRequired").asBoolean());
        return tokenOf(body);
    }

    /** Enrols and confirms TOTP for the session of {@code token}: the app holding the secret and the recovery codes. */
    public Enrolment enrol(String token) {
        CrmApi session = clients.withToken(token);
        JsonNode started = Expect.json(200, session.post("/auth/totp/enroll", null));
        String secret = started.path("secret").asText();
        assertFalse("the enrolment gives a secret: " + started.path("otpauthUri"), secret.isBlank());
        AuthenticatorApp app = new AuthenticatorApp(secret);
        JsonNode confirmed = Expect.json(200, session.post("/auth/totp/confirm", object("code", app.nextCode())));
        JsonNode codes = confirmed.path("recoveryCodes");
        assertEquals("ten recovery codes", 10, codes.size());
        return new Enrolment(app, Json.texts(codes));
    }

    /** {@code POST /auth/logout} with {@code token}: 204. */
    public void logout(String token) {
        Expect.status(204, clients.withToken(token).post("/auth/logout", null));
    }

    /** The client of the session of {@code token}. */
    public CrmApi session(String token) {
        return clients.withToken(token);
    }

    /** Whether the session of {@code token} is accepted: {@code GET /auth/me} answers 200 (true) or 401 (false). */
    public boolean accepted(String token) {
        ApiResponse me = clients.withToken(token).get("/auth/me");
        if (me.status() != 200 && me.status() != 401) {
            throw new AssertionError("GET /auth/me answers 200 or 401: " + me.describe());
        }
        return me.status() == 200;
    }

    private static String tokenOf(JsonNode body) {
        String token = body.path("token").asText();
        assertFalse("the login gives a token: " + body.fieldNames(), token.isBlank());
        return token;
    }
}
