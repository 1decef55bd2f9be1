package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.UUID;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.AuthenticatorApp;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Enrolment;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * Two-factor login over the API (HTTPS in the suites): enrol, confirm, then password plus TOTP code; a code or
 * recovery code works once; an unknown or used challenge is refused; switching TOTP off needs password and code.
 */
public final class TwoFactorChecks {

    private final CrmUsers users;
    private final Logins logins;

    /** Checks with an administrator's client (to create users) and clients from {@code clients}. */
    public TwoFactorChecks(CrmApi admin, ApiClients clients) {
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
    }

    /** A user enrols and confirms TOTP, logs out, and logs in again with password, challenge and code. */
    public void enrolThenLogInWithPasswordAndCode() {
        TestUser user = users.create("twofactor", "sales");
        String firstToken = logins.token(user.username(), user.password());
        CrmApi firstSession = logins.session(firstToken);
        JsonNode before = Expect.json(200, firstSession.get("/auth/me"));
        assertFalse("TOTP is off before enrolment: " + before, before.path("totpEnabled").asBoolean());

        Enrolment enrolment = logins.enrol(firstToken);
        assertTrue("the secret has at least 128 bits (RFC 4226)", enrolment.app().keyBytes() >= 16);
        assertEquals("ten distinct recovery codes", 10, new HashSet<>(enrolment.recoveryCodes()).size());
        JsonNode after = Expect.json(200, firstSession.get("/auth/me"));
        assertTrue("TOTP is on after confirmation: " + after, after.path("totpEnabled").asBoolean());
        assertEquals("ten recovery codes left: " + after, 10, after.path("recoveryCodesLeft").asInt());
        logins.logout(firstToken);
        Expect.problem(401, firstSession.get("/auth/me"));

        String challenge = logins.challenge(user.username(), user.password());
        JsonNode completed = Expect.json(200, logins.mfaStep(challenge, enrolment.app().nextCode()));
        String token = completed.path("token").asText();
        assertFalse("the second factor yields a token", token.isBlank());
        JsonNode me = Expect.json(200, logins.session(token).get("/auth/me"));
        assertEquals(user.username(), me.path("username").asText());
        Expect.json(200, logins.session(token).get("/contacts?size=1"));
    }

    /** A TOTP code accepted once is refused the second time, with a new challenge. */
    public void usedCodeIsRefused() {
        TestUser user = users.create("replay", "sales");
        AuthenticatorApp app = logins.enrol(logins.token(user.username(), user.password())).app();
        logins.tokenWithTotp(user.username(), user.password(), app);
        String replayed = app.lastCode();
        String challenge = logins.challenge(user.username(), user.password());
        ApiResponse refused = logins.mfaStep(challenge, replayed);
        assertTrue("a reused code gets the login failure: " + refused.describe(),
                Expect.problem(401, refused).path("type").asText().endsWith("unauthorized"));
    }

    /** A recovery code completes one login, is counted down, and is refused the second time. */
    public void recoveryCodeWorksOnce() {
        TestUser user = users.create("recovery", "sales");
        Enrolment enrolment = logins.enrol(logins.token(user.username(), user.password()));
        String recoveryCode = enrolment.recoveryCodes().get(3);
        String token = logins.tokenWithCode(user.username(), user.password(), recoveryCode);
        JsonNode me = Expect.json(200, logins.session(token).get("/auth/me"));
        assertEquals("one recovery code used: " + me, 9, me.path("recoveryCodesLeft").asInt());
        String challenge = logins.challenge(user.username(), user.password());
        Expect.problem(401, logins.mfaStep(challenge, recoveryCode));
        logins.tokenWithCode(user.username(), user.password(), enrolment.recoveryCodes().get(4));
    }

    /**
     * A made-up challenge, and a challenge that already completed a login, are refused even with a valid code (unused
     * recovery codes here, so that no TOTP step has to pass).
     */
    public void unknownOrUsedChallengeIsRefused() {
        TestUser user = users.create("challenge", "sales");
        Enrolment enrolment = logins.enrol(logins.token(user.username(), user.password()));
        Expect.problem(401, logins.mfaStep("made-up-" + UUID.randomUUID(), enrolment.recoveryCodes().get(0)));
        String challenge = logins.challenge(user.username(), user.password());
        Expect.json(200, logins.mfaStep(challenge, enrolment.recoveryCodes().get(1)));
        Expect.problem(401, logins.mfaStep(challenge, enrolment.recoveryCodes().get(2)));
        logins.tokenWithCode(user.username(), user.password(), enrolment.recoveryCodes().get(2));
    }

    /**
     * {@code DELETE /auth/totp} needs the right password and a valid code (refusals change nothing); with both, TOTP is
     * off and logins need no second factor.
     */
    public void removingTotpNeedsPasswordAndCode() {
        TestUser user = users.create("untotp", "sales");
        Enrolment enrolment = logins.enrol(logins.token(user.username(), user.password()));
        AuthenticatorApp app = enrolment.app();
        CrmApi session = logins.session(logins.tokenWithCode(user.username(), user.password(),
                enrolment.recoveryCodes().get(0)));

        Expect.problemWithStatusIn(session.send("DELETE", "/auth/totp", CrmApi.JSON,
                object("password", CrmUsers.newPassword(), "code", enrolment.recoveryCodes().get(1))), 400, 401, 403);
        Expect.problemWithStatusIn(session.send("DELETE", "/auth/totp", CrmApi.JSON,
                object("password", user.password(), "code", app.wrongCode())), 400, 401, 403);
        Expect.problemWithStatusIn(session.send("DELETE", "/auth/totp", CrmApi.JSON,
                object("password", user.password())), 400, 401, 403);
        JsonNode unchanged = Expect.json(200, session.get("/auth/me"));
        assertTrue("refused attempts leave TOTP on: " + unchanged, unchanged.path("totpEnabled").asBoolean());
        assertEquals("refused attempts use no recovery code: " + unchanged, 9, unchanged.path("recoveryCodesLeft").asInt());

        Expect.status(204, session.send("DELETE", "/auth/totp", CrmApi.JSON,
                object("password", user.password(), "code", app.nextCode())));
        JsonNode off = Expect.json(200, session.get("/auth/me"));
        assertFalse("TOTP is off: " + off, off.path("totpEnabled").asBoolean());
        assertEquals("no recovery codes left: " + off, 0, off.path("recoveryCodesLeft").asInt());
        logins.token(user.username(), user.password());
    }
}
