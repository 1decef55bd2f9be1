package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafLog;
import org.bastion.crm.itests.support.MarkerScan;
import org.bastion.crm.itests.support.PgDump;
import org.osgi.framework.BundleContext;

/**
 * No plaintext personal data at rest: contacts whose every personal value carries a unique marker are stored, then
 * the H2 files (or a {@code pg_dump} of PostgreSQL), everything else under {@code data/} and the Karaf log are
 * searched for those markers as UTF-8 and UTF-16, and so are the audit tables (read through SQL) after one contact was
 * changed, so that its old and new personal values went through the trail's field history. A company name, plaintext
 * by design, must be found: it proves the scan sees stored data.
 */
public final class EncryptionAtRestChecks {

    private static final int MARKED_CONTACTS = 3;

    private final CrmApi api;
    private final BundleContext bundleContext;

    /** Checks against the given API and the container of {@code bundleContext}. */
    public EncryptionAtRestChecks(CrmApi api, BundleContext bundleContext) {
        this.api = api;
        this.bundleContext = bundleContext;
    }

    /** Stores marked contacts and a marked company, provokes errors carrying markers, then scans disk, dump and log. */
    public void noPersonalDataInFilesDumpsOrLogs() {
        Markers markers = new Markers();
        String companyId = Expect.json(201, api.post("/companies", markers.company())).path("id").asText();
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < MARKED_CONTACTS; i++) {
            contactIds.add(createMarkedContact(markers, companyId));
        }
        provokeErrorsCarrying(markers);
        changeMarkedContact(markers, contactIds.get(0));
        List<String> personal = markers.personalMarkers();
        List<String> everything = new ArrayList<>(personal);
        everything.addAll(markers.plaintextMarkers());
        MarkerScan scan = new MarkerScan(everything);
        String companyMarker = markers.plaintextMarkers().get(0);

        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            for (String id : contactIds) {
                String stored = database.text("SELECT first_name FROM crm_contact WHERE id = ?", id);
                assertNotNull("crm_contact.first_name of " + id + " holds a ciphertext", stored);
                assertTrue("crm_contact.first_name of " + id + " is no plaintext: " + stored,
                        personal.stream().noneMatch(stored::contains));
            }
            String auditRows = new AuditTable(database).everyRowAsText();
            assertEquals("personal markers in the audit tables (crm_audit_*)", List.of(),
                    personal.stream().filter(auditRows::contains).toList());
            if (!auditRows.isEmpty()) {
                assertTrue("the company marker (plaintext by design) is in the audit trail's history of the company,"
                        + " so the scan of the audit tables sees stored values", auditRows.contains(companyMarker));
            }
            if (database.isH2()) {
                database.checkpoint();
            } else {
                MarkerScan.Hits dump = scan.scanBytes(postgresDump(database), "pg_dump of the crm database");
                assertEquals("personal markers in the pg_dump of the crm database", Map.of(), dump.found(personal));
                assertFalse("the company marker (plaintext by design) is in the pg_dump: the dump holds the data",
                        dump.of(companyMarker).isEmpty());
            }
            Path data = KarafLog.dataFolder();
            MarkerScan.Hits files = scan.scanTree(data);
            assertEquals("personal markers in the files under " + data + " (" + files.scannedCount() + " files scanned,"
                    + " vanished meanwhile: " + files.skipped() + ")", Map.of(), files.found(personal));
            if (database.isH2()) {
                Set<String> places = files.of(companyMarker);
                assertTrue("the company marker (plaintext by design) is in the H2 database file under " + data
                        + ", so the scan sees stored data; found in: " + places, places.stream()
                        .anyMatch(place -> place.startsWith("crm" + File.separator) && place.contains(".db ")));
            }
        }
        KarafLog.flush();
        Path logs = KarafLog.logFolder();
        MarkerScan.Hits logged = scan.scanTree(logs);
        assertTrue("the log folder " + logs + " was scanned", logged.scannedCount() > 0);
        assertEquals("personal markers in the Karaf log under " + logs, Map.of(), logged.found(personal));
    }

    /** Creates a contact whose every personal value is a marker and checks that each one comes back. */
    private String createMarkedContact(Markers markers, String companyId) {
        int before = markers.personalMarkers().size();
        Map<String, Object> contact = markers.contact();
        contact.put("companyId", companyId);
        List<String> own = markers.personalMarkers().subList(before, markers.personalMarkers().size());
        ApiResponse created = Expect.status(201, api.post("/contacts", contact));
        String id = created.json().path("id").asText();
        ApiResponse read = Expect.status(200, api.get("/contacts/" + id));
        for (String marker : own) {
            assertTrue("the stored contact gives back " + marker + ": " + read.describe(), read.body().contains(marker));
        }
        return id;
    }

    /**
     * Replaces every personal value of a marked contact with new markers, so that the audit trail's field history holds
     * old and new personal values of it (encrypted, if the trail is right).
     */
    private void changeMarkedContact(Markers markers, String id) {
        ApiResponse current = Expect.status(200, api.get("/contacts/" + id));
        Expect.status(200, api.put("/contacts/" + id, markers.contact(), "If-Match", Expect.versionEtag(current)));
    }

    /** Requests the API refuses, each carrying personal markers in its body: none may end up in the log. */
    private void provokeErrorsCarrying(Markers markers) {
        Map<String, Object> badEmail = markers.contact();
        badEmail.put("emails", List.of(object("type", "work", "address", markers.personal("bad") + "-at-example.com")));
        Expect.fieldError("email", api.post("/contacts", badEmail));

        Map<String, Object> tooLong = markers.contact();
        tooLong.put("lastName", markers.personal("long") + "x".repeat(120));
        Expect.fieldError("lastName", api.post("/contacts", tooLong));

        Expect.problem(400, api.post("/contacts",
                "{\"firstName\":\"" + markers.personal("unk") + "\",\"shoeSize\":44}"));
        Expect.problem(400, api.post("/contacts",
                "{\"firstName\":\"" + markers.personal("bd") + "\",\"birthday\":\"" + markers.personal("bd") + "\"}"));
        Expect.problem(400, api.post("/contacts", "{\"firstName\": \"" + markers.personal("mal") + "\", "));
        Expect.problem(400, api.post("/contacts",
                "{\"lastName\":\"" + markers.personal("wt") + "\",\"emails\":\"" + markers.personal("wt") + "\"}"));
    }

    /** The database as an operator's backup would hold it: pg_dump when installed, else every table read through SQL. */
    private static byte[] postgresDump(CrmDatabase database) {
        Optional<Path> program = PgDump.program();
        if (program.isEmpty()) {
            System.out.println("[crm-itests] pg_dump is not installed: scanning every table read through SQL instead");
            return database.dumpThroughSql();
        }
        return PgDump.dump(program.get(), KarafLog.baseFolder().resolve("itest-work"));
    }
}
