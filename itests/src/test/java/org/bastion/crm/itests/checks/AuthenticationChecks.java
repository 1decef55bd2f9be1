package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * Who may call what without a token, and how the login answers failures: the same answer (and about the same time)
 * for an unknown user and a wrong password, a clear 4xx problem for bad input, and an enrolment-only session that can
 * enrol and nothing else.
 */
public final class AuthenticationChecks {

    /** Timed logins of each kind; the wrong-password ones are spread over two users to stay below their lockout. */
    private static final int TIMED_LOGINS = 5;

    private final CrmApi admin;
    private final CrmUsers users;
    private final Logins logins;
    private final CrmApi anonymous;

    /** Checks with an administrator's client (to create users) and anonymous clients from {@code clients}. */
    public AuthenticationChecks(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.anonymous = clients.anonymous();
    }

    /** Without a token, or with a made-up one, every protected path answers 401 with a Bearer challenge. */
    public void protectedPathsNeedAToken() {
        for (String path : List.of("/contacts", "/companies", "/users", "/auth/me", "/auth/sessions")) {
            ApiResponse missing = anonymous.get(path);
            Expect.problem(401, missing);
            assertBearerChallenge(missing, false);
            ApiResponse invalid = anonymous.get(path, "Authorization", "Bearer made-up-token");
            Expect.problem(401, invalid);
            assertBearerChallenge(invalid, true);
        }
        Expect.problem(401, anonymous.post("/contacts", TestData.contact("Anon", "Ymous", "anon@example.com")));
        Expect.problem(401, anonymous.get("/contacts", "Authorization", "Basic YWRtaW46YWRtaW4="));
        ApiResponse refused = anonymous.get("/contacts");
        assertNoStore(refused);
        assertNoStore(Expect.status(200, admin.get("/contacts?size=1")));
    }

    /** Health, the OpenAPI document, the docs page and its assets answer without a token. */
    public void publicPathsNeedNoToken() {
        Expect.json(200, anonymous.get("/health"));
        Expect.json(200, anonymous.get("/openapi.json"));
        ApiResponse docs = Expect.status(200, anonymous.get("/docs"));
        assertEquals("docs is HTML: " + docs.describe(), "text/html", docs.mediaType());
        for (String asset : List.of("/docs/initializer.js", "/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js")) {
            Expect.status(200, anonymous.get(asset));
        }
    }

    /** An unknown user and a known user with a wrong password get the same status, headers and body (but instance). */
    public void unknownUserAndWrongPasswordGetTheSameAnswer() {
        TestUser known = users.create("same-answer");
        ApiResponse wrongPassword = logins.passwordStep(known.username(), CrmUsers.newPassword());
        ApiResponse unknownUser = logins.passwordStep(CrmUsers.newUsername("nobody"), CrmUsers.newPassword());
        JsonNode problem = Expect.problem(401, wrongPassword);
        Expect.problem(401, unknownUser);
        assertTrue("the login failure type is unauthorized: " + problem, problem.path("type").asText().endsWith("unauthorized"));
        assertEquals("same WWW-Authenticate", wrongPassword.header("WWW-Authenticate"), unknownUser.header("WWW-Authenticate"));
        assertEquals("same Content-Type", wrongPassword.header("Content-Type"), unknownUser.header("Content-Type"));
        assertEquals("byte-identical bodies apart from instance", Expect.bodyWithoutInstance(wrongPassword),
                Expect.bodyWithoutInstance(unknownUser));
        assertFalse("the answer does not name the user: " + wrongPassword.describe(),
                wrongPassword.body().contains(known.username()));
    }

    /**
     * An unknown user costs about as much time as a wrong password: the medians of interleaved timed logins are within
     * a factor of two of each other (no absolute threshold: the machine's speed does not matter).
     */
    public void unknownUserAndWrongPasswordTakeAboutTheSameTime() {
        List<TestUser> known = List.of(users.create("timing-a"), users.create("timing-b"));
        // warm-up: a successful login of each opens the connection and loads the password code paths
        known.forEach(user -> logins.token(user.username(), user.password()));
        List<Long> unknownNanos = new ArrayList<>();
        List<Long> wrongNanos = new ArrayList<>();
        for (int i = 0; i < TIMED_LOGINS; i++) {
            TestUser user = known.get(i % known.size());
            unknownNanos.add(timedFailure(CrmUsers.newUsername("ghost")));
            wrongNanos.add(timedFailure(user.username()));
        }
        double ratio = (double) median(unknownNanos) / median(wrongNanos);
        assertTrue("median login time unknown/wrong is " + ratio + " (unknown " + unknownNanos + " ns, wrong "
                + wrongNanos + " ns): the unknown user must not be told apart by timing", ratio >= 0.5 && ratio <= 2.0);
    }

    /**
     * Malformed JSON, a wrong content type, an oversized body and overlong credentials each get a 4xx problem and
     * change nothing: the user can still log in.
     */
    public void badLoginInputGetsA4xxProblem() {
        TestUser user = users.create("bad-input");
        Expect.problem(400, anonymous.send("POST", "/auth/login", CrmApi.JSON, "{\"username\": \"" + user.username()));
        Expect.problem(415, anonymous.send("POST", "/auth/login", "text/plain",
                "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}"));
        Expect.problemWithStatusIn(anonymous.post("/auth/login",
                object("username", user.username(), "password", "x".repeat(1024 * 1024 + 1024))), 413, 400);
        Expect.problemWithStatusIn(logins.passwordStep("u".repeat(65), user.password()), 400, 401);
        Expect.problemWithStatusIn(logins.passwordStep(user.username(), "p".repeat(129)), 400, 401);
        Expect.problemWithStatusIn(anonymous.post("/auth/login", object("username", user.username())), 400, 401);
        Expect.problemWithStatusIn(anonymous.post("/auth/mfa", "[]"), 400, 401);
        logins.logout(logins.token(user.username(), user.password()));
    }

    /**
     * A user whose role requires TOTP and who has not enrolled gets a token that can see itself and enrol, but gets
     * 403 totp-enrolment-required anywhere else.
     */
    public void enrolmentOnlyTokenCanOnlyEnrol() {
        TestUser newAdmin = users.create("enrol-only", "admin");
        JsonNode login = Expect.json(200, logins.passwordStep(newAdmin.username(), newAdmin.password()));
        assertTrue("an admin without TOTP must enrol: " + login.fieldNames(), login.path("totpEnrolmentRequired").asBoolean());
        CrmApi session = logins.session(login.path("token").asText());

        JsonNode me = Expect.json(200, session.get("/auth/me"));
        assertEquals(newAdmin.username(), me.path("username").asText());
        assertTrue("TOTP is required: " + me, me.path("totpRequired").asBoolean());
        assertFalse("TOTP is not on yet: " + me, me.path("totpEnabled").asBoolean());
        for (ApiResponse refused : List.of(session.get("/contacts"), session.get("/users"), session.get("/auth/sessions"),
                session.post("/contacts", TestData.contact("Enrol", "Only", "enrol.only@example.com")))) {
            JsonNode problem = Expect.problem(403, refused);
            assertTrue("403 says why: " + refused.describe(),
                    problem.path("type").asText().endsWith("totp-enrolment-required"));
        }
        JsonNode enrolment = Expect.json(200, session.post("/auth/totp/enroll", null));
        String secret = enrolment.path("secret").asText();
        assertTrue("an otpauth URI with the secret: " + enrolment.path("otpauthUri"),
                enrolment.path("otpauthUri").asText().startsWith("otpauth://totp/")
                        && enrolment.path("otpauthUri").asText().contains("secret=" + secret));
        String qrCode = enrolment.path("qrCode").asText();
        assertTrue("a PNG data URI: " + qrCode.substring(0, Math.min(40, qrCode.length())),
                qrCode.startsWith("data:image/png;base64,"));
        byte[] png = Base64.getDecoder().decode(qrCode.substring("data:image/png;base64,".length()));
        assertTrue("the QR code is a PNG image", png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        Expect.status(204, session.post("/auth/logout", null));
        Expect.problem(401, session.get("/auth/me"));
    }

    private static void assertNoStore(ApiResponse response) {
        String cacheControl = response.header("Cache-Control");
        assertTrue("API responses are not cached: " + response.describe() + " Cache-Control: " + cacheControl,
                cacheControl != null && cacheControl.contains("no-store"));
    }

    private long timedFailure(String username) {
        long start = System.nanoTime();
        ApiResponse response = logins.passwordStep(username, CrmUsers.newPassword());
        long elapsed = System.nanoTime() - start;
        Expect.problem(401, response);
        return elapsed;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void assertBearerChallenge(ApiResponse response, boolean tokenSent) {
        String challenge = response.header("WWW-Authenticate");
        assertTrue("a Bearer challenge with the realm: " + response.describe() + " WWW-Authenticate: " + challenge,
                challenge != null && challenge.startsWith("Bearer") && challenge.contains("realm=\"bastion-crm\""));
        assertEquals("error=\"invalid_token\" exactly when a token was sent: " + challenge, tokenSent,
                challenge.contains("error=\"invalid_token\""));
    }
}
