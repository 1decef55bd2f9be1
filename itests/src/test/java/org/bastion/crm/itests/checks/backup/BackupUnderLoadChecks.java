package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;

/**
 * A backup taken while clients create, update and delete contacts with companies and notes restores whole: the
 * contact tables hold exactly the rows the manifest counts, the API lists as many, every contact's company exists,
 * and everything the server acknowledged before the backup began is served as it was acknowledged.
 */
final class BackupUnderLoadChecks {

    private static final int WRITERS = 3;
    private static final int WRITES_BEFORE_THE_LINE = 300;
    private static final int BACKUP_ATTEMPTS = 5;
    private static final String ORPHANED_CONTACTS = "SELECT COUNT(*) FROM crm_contact c WHERE c.company_id IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM crm_company k WHERE k.id = c.company_id)";
    private static final List<String> CHILD_TABLES =
            List.of("crm_contact_email", "crm_contact_phone", "crm_contact_address", "crm_contact_tag");

    private final CrmApi api;
    private final BundleContext bundleContext;
    private final LoadMarkers markers;
    private final LoadBackupsApi backups;

    BackupUnderLoadChecks(CrmApi api, LoadBackupsApi backups, BundleContext bundleContext, LoadMarkers markers) {
        this.api = api;
        this.bundleContext = bundleContext;
        this.markers = markers;
        this.backups = backups;
    }

    /** Writes, draws the line, backs up while writes go on, stops, restores and checks what came back. */
    void restoresWhole() {
        LoadWriters.Frozen acknowledged;
        JsonNode backup;
        try (LoadWriters writers = new LoadWriters(api, markers, WRITERS)) {
            Await.until(WRITES_BEFORE_THE_LINE + " acknowledged writes (failures: " + writers.failures() + ")",
                    Duration.ofMinutes(5), writers::writes, count -> count >= WRITES_BEFORE_THE_LINE
                            || !writers.failures().isEmpty());
            acknowledged = writers.freeze();
            backup = backupWhileWritesLand(writers);
            writers.close();
            assertEquals("writes that failed while the backup ran", List.of(), writers.failures());
        }
        backups.restore(backup.path("id").asText());
        countsEqualTheManifest(backup);
        acknowledgedStateIsServed(acknowledged);
    }

    /** Takes backups until one saw writes acknowledged while it ran (a small database backs up in a blink). */
    private JsonNode backupWhileWritesLand(LoadWriters writers) {
        List<String> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < BACKUP_ATTEMPTS; attempt++) {
            long before = writers.writes();
            JsonNode backup = backups.backup();
            long during = writers.writes() - before;
            attempts.add(backup.path("id").asText() + ": " + during + " writes");
            if (during > 0) {
                return backup;
            }
        }
        throw new AssertionError("no backup overlapped an acknowledged write in " + BACKUP_ATTEMPTS + " attempts: "
                + attempts + "; writer failures: " + writers.failures());
    }

    private void countsEqualTheManifest(JsonNode backup) {
        long contacts = LoadBackupsApi.manifestRows(backup, "crm_contact");
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            for (String table : List.of("crm_contact", "crm_company")) {
                assertEquals("rows of " + table + " after the restore, as the manifest counts them",
                        LoadBackupsApi.manifestRows(backup, table), database.count(table));
            }
            for (String table : CHILD_TABLES) {
                assertEquals("rows of " + table + " after the restore, as the manifest counts them",
                        LoadBackupsApi.manifestRows(backup, table), database.count(table));
                assertEquals(table + " rows whose contact is missing", 0, database.number("SELECT COUNT(*) FROM "
                        + table + " x WHERE NOT EXISTS (SELECT 1 FROM crm_contact c WHERE c.id = x.contact_id)"));
            }
            assertEquals("contacts whose company is missing after the restore", 0, database.number(ORPHANED_CONTACTS));
        }
        JsonNode listed = Expect.json(200, api.get("/contacts?size=1"));
        assertEquals("GET /contacts lists as many contacts as the manifest counts", contacts,
                listed.path("total").asLong());
    }

    private void acknowledgedStateIsServed(LoadWriters.Frozen acknowledged) {
        assertTrue("the writers acknowledged contacts before the backup: " + acknowledged.live().size(),
                acknowledged.live().size() > 10);
        for (Map.Entry<String, LoadWriters.Written> entry : acknowledged.live().entrySet()) {
            LoadWriters.Written written = entry.getValue();
            JsonNode contact = Expect.json(200, api.get("/contacts/" + written.contactId()));
            assertEquals("notes of contact " + written.contactId() + " as acknowledged before the backup",
                    written.notes(), contact.path("notes").asText());
            assertEquals("company of contact " + written.contactId(), written.companyId(),
                    contact.path("companyId").asText());
            Expect.json(200, api.get("/companies/" + written.companyId()));
        }
        for (String deleted : acknowledged.deletedContacts()) {
            Expect.problem(404, api.get("/contacts/" + deleted));
        }
        for (String deleted : acknowledged.deletedCompanies()) {
            Expect.problem(404, api.get("/companies/" + deleted));
        }
        JsonNode tagged = Expect.json(200, api.get("/contacts?size=1&tag=" + markers.tag()));
        assertTrue("GET /contacts?tag lists at least the contacts acknowledged before the backup: " + tagged.path("total"),
                tagged.path("total").asLong() >= acknowledged.live().size());
    }
}
