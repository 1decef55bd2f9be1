package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Map;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.AuthenticatorApp;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.SecurityConfiguration;
import org.bastion.crm.itests.support.TestUser;
import org.osgi.framework.BundleContext;

/**
 * Expiry, which takes real time: the idle timeout is set to its smallest value (1 minute) and the challenge lifetime
 * to 60 s at run time through ConfigurationAdmin; an unused session is then refused while a used one of the same age
 * goes on, and an old challenge is refused even with a valid code. The configuration is restored in any case. Slow
 * (about 70 s) and it changes the security configuration: the suite runs it last.
 */
public final class ExpiryChecks {

    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(150);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
    private static final Duration CONFIGURATION_APPLIED = Duration.ofSeconds(30);

    private final CrmApi admin;
    private final CrmUsers users;
    private final Logins logins;
    private final SecurityConfiguration configuration;

    /** Checks with an administrator's client, clients from {@code clients} and the container's configuration. */
    public ExpiryChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.configuration = new SecurityConfiguration(bundleContext);
    }

    /** An idle session and an old challenge expire; a session in use does not. */
    public void idleSessionAndOldChallengeAreRefused() {
        TestUser idleUser = users.create("idle");
        TestUser mfaUser = users.create("late-mfa", "sales");
        AuthenticatorApp app = logins.enrol(logins.token(mfaUser.username(), mfaUser.password())).app();
        Dictionary<String, Object> original = configuration.snapshot();
        try {
            configuration.update(Map.of(SecurityConfiguration.SESSION_IDLE_TIMEOUT_MINUTES, "1",
                    SecurityConfiguration.MFA_CHALLENGE_SECONDS, "60"));
            // the new timeout applies to sessions that start (or are used) from now on: log in until one says so
            JsonNode idleLogin = Await.until("a login whose session expires within 90 s ("
                    + SecurityConfiguration.SESSION_IDLE_TIMEOUT_MINUTES + "=1 applied)", CONFIGURATION_APPLIED,
                    () -> Expect.json(200, logins.passwordStep(idleUser.username(), idleUser.password())),
                    body -> expiresWithin(body, Duration.ofSeconds(90)));
            String idleToken = idleLogin.path("token").asText();
            String busyToken = logins.token(idleUser.username(), idleUser.password());
            JsonNode challengeBody = Expect.json(200, logins.passwordStep(mfaUser.username(), mfaUser.password()));
            assertTrue("the challenge lives at most 90 s (" + SecurityConfiguration.MFA_CHALLENGE_SECONDS + "=60): "
                    + challengeBody, expiresWithin(challengeBody, Duration.ofSeconds(90)));
            Instant idleExpiresAt = Instant.parse(idleLogin.path("expiresAt").asText());
            Instant challengeExpiresAt = Instant.parse(challengeBody.path("expiresAt").asText());
            Instant until = (idleExpiresAt.isAfter(challengeExpiresAt) ? idleExpiresAt : challengeExpiresAt).plusSeconds(3);

            // the idle token is not used while waiting (a request would extend it); the busy one and the admin's are
            CrmApi busy = logins.session(busyToken);
            Instant[] lastKeepAlive = {Instant.MIN};
            Await.until("the clock to pass " + until + " (the idle session's and the challenge's expiry)", EXPIRY_WAIT,
                    () -> {
                        if (Instant.now().isAfter(lastKeepAlive[0].plus(KEEP_ALIVE))) {
                            Expect.json(200, busy.get("/auth/me"));
                            Expect.json(200, admin.get("/auth/me"));
                            lastKeepAlive[0] = Instant.now();
                        }
                        return Instant.now();
                    }, now -> now.isAfter(until));

            assertFalse("the idle session has expired", logins.accepted(idleToken));
            assertTrue("the session in use goes on", logins.accepted(busyToken));
            ApiResponse late = logins.mfaStep(challengeBody.path("challenge").asText(), app.nextCode());
            assertEquals("an expired challenge is refused: " + late.describe(), 401, late.status());
            Expect.problem(401, late);
        } finally {
            configuration.restore(original);
        }
    }

    private static boolean expiresWithin(JsonNode body, Duration limit) {
        String expiresAt = body.path("expiresAt").asText();
        return !expiresAt.isBlank() && Instant.parse(expiresAt).isBefore(Instant.now().plus(limit));
    }
}
