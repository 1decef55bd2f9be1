package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Erasure reaches backups (issue 14, item 4): a backup is taken through the shell, then one contact's record key is
 * destroyed through the crypto API and another contact is deleted (which destroys its key), and the older backup is
 * restored through the shell: both contacts come back as rows but cannot be read (a 404 problem, not a 500), while
 * every other contact reads as before.
 */
final class ShreddedKeyRestoreChecks {

    private static final int CONTACTS = 6;
    /** The line {@code crm:backup-create} prints for the backup it took (its directory's path may hold UUIDs too). */
    private static final Pattern BACKUP_LINE =
            Pattern.compile("Backup ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final CrmApi api;
    private final KarafShell shell;
    private final BundleContext bundleContext;
    private final LoadMarkers markers;
    private final LoadBackupsApi backups;

    ShreddedKeyRestoreChecks(CrmApi api, LoadBackupsApi backups, KarafShell shell, BundleContext bundleContext,
            LoadMarkers markers) {
        this.api = api;
        this.backups = backups;
        this.shell = shell;
        this.bundleContext = bundleContext;
        this.markers = markers;
    }

    /** Backs up, shreds one key and deletes one contact, restores the older backup, reads every contact. */
    void shreddedContactStaysUnreadable() {
        String companyId = Expect.json(201, api.post("/companies", markers.company())).path("id").asText();
        List<String> ids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String text = markers.notes();
            ids.add(Expect.json(201, api.post("/contacts", markers.contact(companyId, text))).path("id").asText());
            notes.add(text);
        }
        String backupId = backupThroughTheShell();
        String shredded = ids.get(0);
        String deleted = ids.get(1);
        assertTrue("FieldCipher#destroyRecordKey destroyed the key of contact " + shredded,
                destroyRecordKey(new RecordRef("contact", shredded)));
        Expect.deleted(api.delete("/contacts/" + deleted));
        Expect.problem(404, api.get("/contacts/" + shredded));

        String restored = shell.execute("crm:backup-restore --force " + backupId);
        assertFalse("crm:backup-restore shows no stack trace or exception: " + restored,
                restored.contains("Exception") || restored.contains("\tat "));
        backups.awaitServing();

        for (String unreadable : List.of(shredded, deleted)) {
            ApiResponse answer = api.get("/contacts/" + unreadable);
            JsonNode problem = Expect.problem(404, answer);
            assertFalse("the problem of contact " + unreadable + " shows no internals: " + answer.describe(),
                    problem.toString().contains("org.bastion") || problem.toString().contains("Exception"));
        }
        for (int i = 2; i < CONTACTS; i++) {
            JsonNode contact = Expect.json(200, api.get("/contacts/" + ids.get(i)));
            assertEquals("notes of contact " + ids.get(i) + " after the restore", notes.get(i),
                    contact.path("notes").asText());
        }
        JsonNode ofCompany = Expect.json(200, api.get("/contacts?size=200&companyId=" + companyId));
        List<String> listed = new ArrayList<>();
        ofCompany.path("items").forEach(item -> listed.add(item.path("id").asText()));
        assertFalse("the list does not serve the shredded contact: " + listed, listed.contains(shredded));
        assertFalse("the list does not serve the deleted contact: " + listed, listed.contains(deleted));
        assertTrue("the list serves every other contact: " + listed, listed.containsAll(ids.subList(2, CONTACTS)));
    }

    /** {@code crm:backup-create}, the id it printed, and the catalogue's word that the backup completed. */
    private String backupThroughTheShell() {
        String output = shell.execute("crm:backup-create");
        Matcher id = BACKUP_LINE.matcher(output);
        assertTrue("crm:backup-create prints the backup's id: " + output, id.find());
        String backupId = id.group(1);
        JsonNode info = Await.until("backup " + backupId + " in the catalogue", LoadBackupsApi.OPERATION,
                () -> backups.get(backupId), answer -> answer.status() == 200
                        && !"RUNNING".equals(answer.json().path("state").asText())).json();
        assertEquals("backup " + backupId + " completed: " + info, "COMPLETED", info.path("state").asText());
        return backupId;
    }

    private boolean destroyRecordKey(RecordRef record) {
        ServiceReference<FieldCipher> reference = Await.until("the FieldCipher service", Duration.ofSeconds(60),
                () -> bundleContext.getServiceReference(FieldCipher.class), found -> found != null);
        FieldCipher cipher = bundleContext.getService(reference);
        try {
            return cipher.destroyRecordKey(record);
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
