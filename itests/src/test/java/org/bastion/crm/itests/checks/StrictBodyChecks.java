package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KeysApi;
import org.osgi.framework.BundleContext;

/**
 * Request bodies are never silently ignored: operations that take none (GET, DELETE, logout) refuse one that is
 * present and not empty with 400 problem+json, and accept an empty one; the key rotation endpoint reads its optional
 * body strictly and answers 409 while a rotation of the same purpose runs, as the database records it.
 */
public final class StrictBodyChecks {

    private static final String NOT_ALLOWED = "body-not-allowed";

    private final CrmApi admin;
    private final ApiClients clients;
    private final BundleContext bundleContext;

    /** Checks with the admin's client, clients of other sessions and the container (for its database). */
    public StrictBodyChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.bundleContext = bundleContext;
    }

    /** GET, DELETE and logout with a body: 400 naming the rule; empty bodies and no bodies pass. */
    public void operationsWithoutBodyRefuseOne() {
        String nobody = UUID.randomUUID().toString();
        assertRefused(admin.send("GET", "/contacts", CrmApi.JSON, "{}"));
        assertRefused(admin.send("GET", "/health", CrmApi.JSON, "{\"x\": 1}"));
        assertRefused(clients.anonymous().send("GET", "/health", "text/plain", "hello"));
        assertRefused(admin.send("DELETE", "/contacts/" + nobody, CrmApi.JSON, "{}"));
        assertRefused(admin.send("DELETE", "/companies/" + nobody, "application/octet-stream", "x"));
        assertRefused(admin.send("GET", "/roles", CrmApi.JSON, "not even json"));

        Expect.status(200, admin.send("GET", "/contacts", CrmApi.JSON, ""));
        Expect.problem(404, admin.send("DELETE", "/contacts/" + nobody, CrmApi.JSON, ""));
        Expect.problem(404, admin.delete("/contacts/" + nobody));

        EnrolledUser user = EnrolledUser.create(admin, clients, "bodies", "sales");
        CrmApi session = user.api();
        assertRefused(session.send("POST", "/auth/logout", CrmApi.JSON, "{\"everywhere\": true}"));
        Expect.status(200, session.get("/auth/me"));
        ApiResponse loggedOut = session.post("/auth/logout", null);
        assertTrue("logout without a body works: " + loggedOut.describe(), loggedOut.status() / 100 == 2);
        Expect.problem(401, session.get("/auth/me"));
    }

    /** No body starts a rotation; malformed bodies, unknown fields and other media types are refused first. */
    public void rotationBodyIsOptionalAndStrict() {
        KeysApi keys = new KeysApi(admin);
        int active = KeysApi.activeVersion(keys.overview(), "backup");

        Expect.fieldError("body", admin.post("/keys/backup/rotations", "{"));
        Expect.fieldError("bogus", admin.post("/keys/backup/rotations", "{\"bogus\": 1}"));
        Expect.fieldError("expectedActiveVersion", admin.post("/keys/backup/rotations",
                "{\"expectedActiveVersion\": \"two\"}"));
        Expect.problem(415, admin.send("POST", "/keys/backup/rotations", "text/plain", "{}"));
        JsonNode stale = Expect.problem(409, admin.post("/keys/backup/rotations",
                "{\"expectedActiveVersion\": " + (active + 7) + "}"));
        assertTrue("names the active version: " + stale, stale.path("detail").asText().contains("version " + active));
        assertEquals("nothing was rotated", active, KeysApi.activeVersion(keys.overview(), "backup"));

        keys.awaitCompleted(keys.startRotation("backup").location(), java.time.Duration.ofSeconds(30));
        Expect.status(202, admin.post("/keys/backup/rotations", "{\"expectedActiveVersion\": " + (active + 1) + "}"));
        Expect.status(202, admin.post("/keys/backup/rotations", "{}"));
        assertEquals(active + 3, KeysApi.activeVersion(keys.overview(), "backup"));
    }

    /**
     * "A rotation of this purpose runs" is a database fact: a RUNNING field rotation another node recorded makes a
     * start on this node answer 409 and rotate nothing (the row is removed afterwards; no rotation is left running).
     */
    public void rotationRunningOnAnotherNodeIsAConflict() {
        KeysApi keys = new KeysApi(admin);
        int active = KeysApi.activeVersion(keys.overview(), "field");
        String otherNodes = UUID.randomUUID().toString();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            database.update("INSERT INTO crm_key_rotation (id, purpose, from_version, to_version, state, total, done,"
                    + " started_at, finished_at, error, running_purpose) VALUES (?, 'FIELD', ?, ?, 'RUNNING', 0, 0, ?,"
                    + " NULL, NULL, 'FIELD')", otherNodes, active, active + 1,
                    Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")));
            try {
                JsonNode conflict = Expect.problem(409, admin.post("/keys/field/rotations", null));
                assertTrue("says a field rotation runs: " + conflict, conflict.path("detail").asText().contains("field"));
                Expect.problem(409, admin.post("/keys/field/rotations", "{}"));
                assertEquals("nothing was rotated", active, KeysApi.activeVersion(keys.overview(), "field"));
            } finally {
                database.update("DELETE FROM crm_key_rotation WHERE id = ?", otherNodes);
            }
        }
    }

    private static void assertRefused(ApiResponse response) {
        JsonNode problem = Expect.problem(400, response);
        assertTrue("the problem names the rule: " + response.describe(), problem.path("type").asText().endsWith(NOT_ALLOWED));
    }
}
