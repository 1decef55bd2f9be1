package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.KeysApi;
import org.osgi.framework.BundleContext;

/**
 * Online key rotation with some 300 contacts present: the field key and the blind-index key rotate over REST while
 * contacts are created, read, updated and searched (every request must succeed and searches keep their totals);
 * afterwards every contact reads, the new version is ACTIVE and used by every record, the old one RETIRED and used
 * by none. Then {@code crm:key-list} shows the new versions, {@code crm:key-rotate --wait master} completes, and an
 * unknown purpose is refused.
 */
public final class KeyRotationChecks {

    /** The suites run the crypto bundle with this {@code rotationBatchSize}, so a rotation takes many batches. */
    public static final int SUITE_ROTATION_BATCH_SIZE = 20;

    private static final System.Logger LOG = System.getLogger(KeyRotationChecks.class.getName());
    private static final int SEEDED = 300;
    private static final Duration ROTATION_TIMEOUT = Duration.ofMinutes(5);

    private final CrmApi api;
    private final KeysApi keys;
    private final KarafShell shell;
    private final BundleContext bundleContext;

    /** Checks against the given API, shell and container. */
    public KeyRotationChecks(CrmApi api, KarafShell shell, BundleContext bundleContext) {
        this.api = api;
        this.keys = new KeysApi(api);
        this.shell = shell;
        this.bundleContext = bundleContext;
    }

    /** Seeds 300 contacts, rotates field and blind-index keys under load, then the master key in the shell. */
    public void keysRotateWhileContactsAreReadAndWritten() {
        String run = TestData.runId();
        String prefix = "rot" + run;
        List<String> seeded = seed(prefix);
        assertEquals("the seeded contacts are found by their last-name prefix", SEEDED, count(prefix));

        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            List<String> created = new ArrayList<>();
            int field = rotateUnderLoad("field", seeded, prefix, run + "f", created);
            assertEveryContactReads(database, seeded, created);
            assertRetiredAndReplaced("field", field, database.count("crm_record_key"));

            int blindIndex = rotateUnderLoad("blind-index", seeded, prefix, run + "b", created);
            assertEveryContactReads(database, seeded, created);
            assertRetiredAndReplaced("blind-index", blindIndex, database.count("crm_contact"));
            assertEquals("the last-name prefix finds as many after the rotation", SEEDED, count(prefix));
            for (String id : created.subList(0, Math.min(5, created.size()))) {
                String email = Expect.json(200, api.get("/contacts/" + id)).path("emails").path(0).path("address").asText();
                assertEquals("a contact created during the rotations is found by e-mail", 1, count(email));
            }

            String listed = shell.execute("crm:key-list");
            assertTrue("crm:key-list lists field-v" + (field + 1) + ": " + listed, listed.contains("field-v" + (field + 1)));
            assertTrue("crm:key-list lists blind-index-v" + (blindIndex + 1) + ": " + listed,
                    listed.contains("blind-index-v" + (blindIndex + 1)));

            int master = KeysApi.activeVersion(keys.overview(), "master");
            String rotated = shell.execute("crm:key-rotate --wait master");
            assertFalse("crm:key-rotate --wait master succeeds: " + rotated, rotated.contains("Error"));
            assertTrue("crm:key-rotate --wait master waits until it completed: " + rotated,
                    rotated.toLowerCase(Locale.ROOT).contains("completed"));
            JsonNode afterMaster = keys.overview();
            assertEquals("master v" + (master + 1) + " is active: " + afterMaster, master + 1,
                    KeysApi.activeVersion(afterMaster, "master"));
            assertEquals("the status names the new master version: " + afterMaster, master + 1,
                    afterMaster.path("status").path("masterVersion").asInt());
            assertEveryContactReads(database, seeded, created);
        }

        Expect.fieldError("purpose", api.post("/keys/no-such-purpose/rotations", null));
    }

    /** Rotates {@code purpose} over REST while {@link RotationTraffic} works; returns the version it replaced. */
    private int rotateUnderLoad(String purpose, List<String> seeded, String prefix, String run, List<String> created) {
        int from = KeysApi.activeVersion(keys.overview(), purpose);
        RotationTraffic traffic = new RotationTraffic(api, seeded, prefix, run);
        JsonNode completed;
        int operationsDuring;
        try {
            ApiResponse started = keys.startRotation(purpose);
            int operationsAtStart = traffic.operations();
            JsonNode body = started.json();
            assertEquals("the rotation replaces the active version: " + body, from, body.path("fromVersion").asInt());
            assertEquals("the rotation makes the next version: " + body, from + 1, body.path("toVersion").asInt());
            completed = keys.awaitCompleted(started.location(), ROTATION_TIMEOUT);
            operationsDuring = traffic.operations() - operationsAtStart;
        } finally {
            traffic.close();
        }
        List<String> failures = traffic.stop();
        LOG.log(System.Logger.Level.INFO, "[crm-itests] " + purpose + " rotation v" + from + " -> v" + (from + 1)
                + ": " + completed.path("done") + " of " + completed.path("total") + " moved from "
                + completed.path("startedAt").asText() + " to " + completed.path("finishedAt").asText() + "; "
                + operationsDuring + " contact requests while it ran, " + traffic.operations() + " in all");
        assertEquals("every request during the " + purpose + " rotation (" + operationsDuring + " while it ran, "
                + traffic.operations() + " in all) answered as expected: " + traffic.describe(failures),
                List.of(), failures);
        // done need not equal total: records written while it ran may already use the new version (fewer to move)
        // or, written as it started, still the old one (more); the key counts below are what must be exact
        assertTrue("the " + purpose + " rotation moved records in the background: " + completed,
                completed.path("done").asLong() > 0 && completed.path("total").asLong() > 0);
        created.addAll(traffic.createdIds());
        return from;
    }

    /** The new version is ACTIVE and used by {@code expectedUsers} records, the old one RETIRED and used by none. */
    private void assertRetiredAndReplaced(String purpose, int from, long expectedUsers) {
        JsonNode overview = keys.overview();
        assertEquals(purpose + " v" + (from + 1) + " is the active version: " + overview, from + 1,
                KeysApi.activeVersion(overview, purpose));
        JsonNode current = KeysApi.key(overview, purpose, from + 1);
        assertEquals("every record uses " + purpose + " v" + (from + 1) + ": " + current, expectedUsers,
                current.path("recordsUsing").asLong());
        JsonNode old = KeysApi.key(overview, purpose, from);
        assertEquals(purpose + " v" + from + " is retired: " + old, "RETIRED", old.path("state").asText());
        assertEquals("no record uses " + purpose + " v" + from + ": " + old, 0, old.path("recordsUsing").asLong());
    }

    /** Every contact in the database is listed and decrypts; each of {@code seeded} and {@code created} reads alone. */
    private void assertEveryContactReads(CrmDatabase database, List<String> seeded, List<String> created) {
        long stored = database.count("crm_contact");
        JsonNode page = Expect.json(200, api.get("/contacts?size=200"));
        assertEquals("the list counts every stored contact", stored, page.path("total").asLong());
        long listed = 0;
        while (true) {
            listed += page.path("items").size();
            JsonNode next = page.path("links").path("next");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            page = Expect.json(200, api.get(next.asText()));
        }
        assertEquals("paging lists every stored contact", stored, listed);
        for (String id : seeded) {
            Expect.status(200, api.get("/contacts/" + id));
        }
        for (String id : created) {
            Expect.status(200, api.get("/contacts/" + id));
        }
    }

    /** Creates {@link #SEEDED} contacts whose last names start with {@code prefix}, four at a time; returns their ids. */
    private List<String> seed(String prefix) {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> pending = new ArrayList<>();
            for (int i = 0; i < SEEDED; i++) {
                int index = i;
                String lastName = String.format("%sn%03d", prefix, index);
                String email = lastName + "@example.com";
                pending.add(workers.submit(() -> Expect.json(201, api.post("/contacts", object(
                        "firstName", "Rotation", "lastName", lastName, "title", "Seeded",
                        "emails", array(object("type", "work", "address", email, "primary", true)),
                        "phones", array(object("type", "work", "number", "+4930" + (5_000_000 + index))),
                        "notes", "seeded for a key rotation"))).path("id").asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : pending) {
                ids.add(future.get());
            }
            return ids;
        } catch (ExecutionException e) {
            throw new AssertionError("seeding failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private int count(String q) {
        return Expect.json(200, api.get("/contacts?size=1&q=" + q)).path("total").asInt();
    }
}
