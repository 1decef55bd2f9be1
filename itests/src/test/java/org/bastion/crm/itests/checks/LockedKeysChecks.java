package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.CryptoConfiguration;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafLog;
import org.bastion.crm.itests.support.KeysApi;
import org.bastion.crm.itests.support.MarkerScan;
import org.osgi.framework.BundleContext;

/**
 * Locked keys, and unlocking without a restart: production mode locks the generated passphrase, then
 * {@code passphraseFile} names a file holding a wrong passphrase, so personal data can be neither read nor written
 * (503 {@code keys-locked}) while companies keep working and nothing changes in the key tables; the right passphrase
 * in the same file and a configuration update unlock the keys again with every contact as it was. The original
 * configuration is restored in any case.
 */
public final class LockedKeysChecks {

    private static final Duration TRANSITION = Duration.ofSeconds(60);
    private static final List<String> GUARDED_TABLES =
            List.of("crm_record_key", "crm_data_key", "crm_contact", "crm_contact_search");

    private final CrmApi api;
    private final KeysApi keys;
    private final BundleContext bundleContext;

    /** Checks against the given API and the container of {@code bundleContext}. */
    public LockedKeysChecks(CrmApi api, BundleContext bundleContext) {
        this.api = api;
        this.keys = new KeysApi(api);
        this.bundleContext = bundleContext;
    }

    /** Locks the keys with a wrong passphrase, checks what works and what does not, then unlocks them. */
    public void wrongPassphraseLocksAndRightOneUnlocksWithoutRestart() {
        Markers markers = new Markers();
        ApiResponse existing = Expect.status(201, api.post("/contacts", markers.contact()));
        String path = "/contacts/" + existing.json().path("id").asText();
        ApiResponse before = Expect.status(200, api.get(path));
        Expect.status(201, api.post("/companies", markers.company()));

        // the environment variable is unset in the suites: the keys were opened with the generated passphrase
        byte[] rightPassphrase = read(KarafLog.etcFolder().resolve("crm-master.passphrase"));
        String wrongPassphrase = "wrong-" + UUID.randomUUID();
        Path passphraseFile = KarafLog.baseFolder().resolve("itest-secrets").resolve("crm-master.passphrase");
        CryptoConfiguration configuration = new CryptoConfiguration(bundleContext);
        Dictionary<String, Object> original = configuration.snapshot();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            Map<String, Long> rowsBefore = rowCounts(database);
            // open keys do not re-read passphraseFile on a configuration update, only locked ones retry with it
            // (MasterKeyManager.reconfigure): lock them first with production mode, a documented lock cause on a
            // generated passphrase, then let the retry read the wrong passphrase from the configured file
            configuration.update(Map.of("production", "true"));
            String refusedInProduction = awaitLocked("production mode refusing the generated passphrase", null);
            write(passphraseFile, (wrongPassphrase + "\n").getBytes(StandardCharsets.UTF_8));
            configuration.update(Map.of("production", "true", "passphraseFile", passphraseFile.toString()));
            String refusedPassphrase = awaitLocked("the wrong passphrase in " + passphraseFile, refusedInProduction);
            assertFalse("the lock reason names no passphrase: " + refusedPassphrase,
                    refusedPassphrase.contains(wrongPassphrase));

            assertRefusedWhileLocked(api.post("/contacts", markers.contact()), "POST /contacts");
            assertRefusedWhileLocked(api.get(path), "GET " + path);
            assertRefusedWhileLocked(api.patch(path, object("title", "Locked"), "If-Match", before.etag()),
                    "PATCH " + path);
            Expect.json(200, api.get("/companies"));
            JsonNode overview = keys.overview();
            assertEquals("GET /keys reports LOCKED: " + overview, "LOCKED", overview.path("status").path("state").asText());
            assertEquals("nothing was written while locked", rowsBefore, rowCounts(database));

            write(passphraseFile, rightPassphrase);
            configuration.update(Map.of("production", "true", "passphraseFile", passphraseFile.toString()));
            Await.until("health to report crypto usable again", TRANSITION, keys::healthSaysUsable, yes -> yes);

            ApiResponse after = Expect.status(200, api.get(path));
            assertEquals("the contact has the same version after unlocking", before.etag(), after.etag());
            assertEquals("the contact reads back identical after unlocking", before.json(), after.json());
            JsonNode created = Expect.json(201, api.post("/contacts", markers.contact()));
            Expect.status(200, api.get("/contacts/" + created.path("id").asText()));
        } finally {
            configuration.restore(original);
            Await.until("health to report crypto usable after restoring the configuration", TRANSITION,
                    keys::healthSaysUsable, yes -> yes);
            delete(passphraseFile);
        }
        Expect.status(200, api.get(path));
        assertPassphrasesNotLogged(wrongPassphrase, new String(rightPassphrase, StandardCharsets.UTF_8).strip());
    }

    /**
     * Waits until health reports the keys locked for a reason other than {@code previousDetail} (null: any reason);
     * returns the health detail.
     */
    private String awaitLocked(String cause, String previousDetail) {
        JsonNode crypto = Await.until("health to report crypto DOWN \"locked...\" by " + cause, TRANSITION,
                keys::cryptoHealth, health -> "DOWN".equals(health.path("state").asText())
                        && health.path("detail").asText().startsWith("locked")
                        && !health.path("detail").asText().equals(previousDetail));
        return crypto.path("detail").asText();
    }

    private static void assertRefusedWhileLocked(ApiResponse response, String request) {
        JsonNode problem = Expect.problem(503, response);
        assertTrue(request + " answers a keys-locked problem: " + response.describe(),
                problem.path("type").asText().endsWith("/keys-locked"));
        String retryAfter = response.header("Retry-After");
        assertTrue(request + " says when to retry: " + response.describe(),
                retryAfter != null && retryAfter.matches("\\d+"));
    }

    private static Map<String, Long> rowCounts(CrmDatabase database) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : GUARDED_TABLES) {
            counts.put(table, database.count(table));
        }
        return counts;
    }

    /** Neither passphrase may appear in the log, in any encoding. */
    private static void assertPassphrasesNotLogged(String wrong, String right) {
        KarafLog.flush();
        MarkerScan.Hits hits = new MarkerScan(List.of(wrong, right)).scanTree(KarafLog.logFolder());
        assertEquals("passphrases in the Karaf log", Map.of(), hits.found(List.of(wrong, right)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated passphrase " + file
                    + " (a fresh install with no passphrase configured writes it)", e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
