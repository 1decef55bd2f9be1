package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.MarkerScan;

/**
 * No plaintext in backup files: every file under the backup directory (the archives and the key backup) is searched
 * for the personal markers the load checks wrote, as UTF-8 and UTF-16, and for the company names, which the database
 * keeps in plaintext by design but a backup encrypts like everything else.
 */
final class BackupMarkerScanChecks {

    private final LoadMarkers markers;
    private final LoadBackupsApi backups;

    BackupMarkerScanChecks(LoadBackupsApi backups, LoadMarkers markers) {
        this.backups = backups;
        this.markers = markers;
    }

    /** Backs up once more (so the newest archive holds every marked value) and scans the directory. */
    void noMarkerInAnyBackupFile() {
        JsonNode newest = backups.backup();
        Path file = LoadBackupsApi.fileOf(newest);
        List<String> personal = markers.personalMarkers();
        List<String> everything = new ArrayList<>(personal);
        everything.addAll(markers.plaintextMarkers());
        assertTrue("the load checks wrote personal markers: " + personal.size(), personal.size() > 100);
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
