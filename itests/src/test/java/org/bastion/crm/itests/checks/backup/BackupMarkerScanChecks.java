package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.MarkerScan;

/**
 * No plaintext in backup files: every file under the backup directory (the archives and the key backup) is searched
 * for the personal markers the load checks wrote, as UTF-8 and UTF-16, and for the company names, which the database
 * keeps in plaintext by design but a backup encrypts like everything else.
 */
final class BackupMarkerScanChecks {

    private static final int MARKED_CONTACTS = 3;

    private final CrmApi api;
    private final LoadMarkers markers;
    private final LoadBackupsApi backups;

    BackupMarkerScanChecks(CrmApi api, LoadBackupsApi backups, LoadMarkers markers) {
        this.api = api;
        this.backups = backups;
        this.markers = markers;
    }

    /**
     * Stores a few marked contacts of its own (so the check stands alone), backs up once more (the newest archive
     * holds every marked value still stored) and scans the directory.
     */
    void noMarkerInAnyBackupFile() {
        String companyId = Expect.json(201, api.post("/companies", markers.company())).path("id").asText();
        for (int i = 0; i < MARKED_CONTACTS; i++) {
            Expect.status(201, api.post("/contacts", markers.contact(companyId, markers.notes())));
        }
        JsonNode newest = backups.backup();
        Path file = LoadBackupsApi.fileOf(newest);
        List<String> personal = markers.personalMarkers();
        List<String> everything = new ArrayList<>(personal);
        everything.addAll(markers.plaintextMarkers());
        Path directory = file.getParent();
        MarkerScan.Hits hits = new MarkerScan(everything).scanTree(directory);
        long archives = backups.list().stream().filter(entry -> "COMPLETED".equals(entry.path("state").asText())).count();
        assertTrue("every completed backup's file was scanned (" + hits.scannedCount() + " files, " + archives
                + " completed backups)", hits.scannedCount() >= Math.min(archives, 1) && Files.isRegularFile(file));
        assertEquals("personal markers in the files under " + directory, Map.of(), hits.found(personal));
        assertEquals("company names (plaintext in the database) in the files under " + directory, Map.of(),
                hits.found(markers.plaintextMarkers()));
    }
}
