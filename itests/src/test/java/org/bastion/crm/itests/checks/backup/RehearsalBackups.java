package org.bastion.crm.itests.checks.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;

/** The few calls of {@code /api/v1/backups} the runbook rehearsal makes: take a backup and wait until it completed. */
final class RehearsalBackups {

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(3);

    private RehearsalBackups() {
    }

    /**
     * {@code POST /backups} (201 with the backup, or 202 while it runs), then {@code GET /backups/{id}} until its state
     * is {@code COMPLETED}; fails at once when it is {@code FAILED}. Returns the completed backup's JSON.
     */
    static JsonNode create(CrmApi admin) {
        ApiResponse started = admin.post("/backups", null);
        if (started.status() != 201 && started.status() != 202) {
            throw new AssertionError("POST /api/v1/backups answers 201 or 202: " + started.describe());
        }
        String id = started.json().path("id").asText();
        if (id.isBlank()) {
            throw new AssertionError("the new backup has an id: " + started.describe());
        }
        JsonNode done = Await.until("backup " + id + " to complete", BACKUP_TIMEOUT, () -> state(admin, id),
                backup -> !"RUNNING".equals(backup.path("state").asText()));
        if (!"COMPLETED".equals(done.path("state").asText())) {
            throw new AssertionError("backup " + id + " did not complete: " + done);
        }
        return done;
    }

    private static JsonNode state(CrmApi admin, String id) {
        ApiResponse backup = admin.get("/backups/" + id);
        if (backup.status() != 200) {
            throw new AssertionError("GET /api/v1/backups/" + id + " answers 200: " + backup.describe());
        }
        return backup.json();
    }
}
