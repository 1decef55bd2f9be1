package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * Maintenance mode while a restore runs, as clients see it: other requests get 503 problem+json with Retry-After,
 * health names the maintenance, a second restore is refused (REST: 409 problem+json of type {@code backup-busy}, the
 * restore endpoint passing the maintenance filter; shell: a message that another one runs), and after the restore
 * everything answers again and health no longer reports it.
 */
final class MaintenanceModeChecks {

    private static final int ATTEMPTS = 3;

    private final CrmApi api;
    private final KarafShell shell;
    private final LoadBackupsApi backups;

    MaintenanceModeChecks(CrmApi api, LoadBackupsApi backups, KarafShell shell) {
        this.api = api;
        this.shell = shell;
        this.backups = backups;
    }

    /** What clients saw while one restore ran. */
    private static final class Seen {
        ApiResponse refused;
        ApiResponse health;
        ApiResponse secondRestore;
        String shellRestore;

        boolean complete() {
            return refused != null && health != null && secondRestore != null && shellRestore != null;
        }
    }

    /** Restores a backup of the current data and watches the CRM while it runs (again, if it ran too fast to see). */
    void restoreAnswers503AndReopens() {
        String id = backups.backup().path("id").asText();
        List<String> missed = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Seen seen = watchOneRestore(id);
            backups.awaitServing();
            if (seen.refused != null) {
                checkWhatWasSeen(seen);
                healthNoLongerReportsMaintenance();
                return;
            }
            missed.add("attempt " + attempt + ": no 503 seen before the restore ended");
        }
        throw new AssertionError("never saw the maintenance mode of a restore: " + missed);
    }

    private Seen watchOneRestore(String id) {
        CompletableFuture<ApiResponse> restore = CompletableFuture.supplyAsync(() -> backups.startRestore(id));
        Seen seen = new Seen();
        // a restore answered 202 runs on after its answer: watch until the contacts answer again
        int lastStatus = 503;
        while (!seen.complete() && !(restore.isDone() && lastStatus != 503)) {
            ApiResponse contacts = api.get("/contacts?size=1");
            lastStatus = contacts.status();
            if (contacts.status() != 503) {
                continue;
            }
            if (seen.refused == null) {
                seen.refused = contacts;
            }
            if (seen.health == null) {
                ApiResponse health = api.get("/health");
                seen.health = mentionsActiveMaintenance(health) ? health : null;
            }
            if (seen.secondRestore == null) {
                seen.secondRestore = backups.startRestore(id);
            }
            if (seen.shellRestore == null) {
                seen.shellRestore = shell.execute("crm:backup-restore --force " + id);
            }
        }
        ApiResponse answer = await(restore);
        assertTrue("the watched restore succeeded: " + answer.describe(),
                answer.status() == 200 || answer.status() == 202 || answer.status() == 204);
        return seen;
    }

    private void checkWhatWasSeen(Seen seen) {
        Expect.problem(503, seen.refused);
        String retryAfter = seen.refused.header("Retry-After");
        assertTrue("a request refused during the restore says when to retry: " + seen.refused.describe(),
                retryAfter != null && retryAfter.matches("\\d+"));
        if (seen.secondRestore != null) {
            JsonNode problem = Expect.problem(409, seen.secondRestore);
            assertTrue("a second restore while one runs answers a backup-busy problem: " + seen.secondRestore.describe(),
                    problem.path("type").asText().endsWith("backup-busy"));
        }
        if (seen.shellRestore != null) {
            String said = seen.shellRestore.toLowerCase(Locale.ROOT);
            assertFalse("crm:backup-restore during a restore shows no stack trace: " + seen.shellRestore,
                    said.contains("exception") || said.contains("\tat "));
            assertTrue("crm:backup-restore during a restore says another one runs: " + seen.shellRestore,
                    said.contains("another") || said.contains("busy") || said.contains("already")
                            || said.contains("in progress") || said.contains("running"));
        }
        assertNotNull("health named the maintenance while the restore ran (a component not UP whose name or detail"
                + " says maintenance)", seen.health);
    }

    private void healthNoLongerReportsMaintenance() {
        ApiResponse health = api.get("/health");
        assertFalse("health no longer reports maintenance after the restore: " + health.describe(),
                mentionsActiveMaintenance(health));
        assertEquals("GET /contacts answers after the restore", 200, api.get("/contacts?size=1").status());
    }

    /** Whether a component of the health report is not UP and names maintenance. */
    private static boolean mentionsActiveMaintenance(ApiResponse health) {
        if (health.status() != 200 && health.status() != 503) {
            return false;
        }
        for (JsonNode component : health.json().path("components")) {
            String text = (component.path("component").asText() + " " + component.path("detail").asText())
                    .toLowerCase(Locale.ROOT);
            if (text.contains("maintenance") && !"UP".equals(component.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse await(CompletableFuture<ApiResponse> restore) {
        try {
            return restore.get(LoadBackupsApi.OPERATION.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the restore did not answer within " + LoadBackupsApi.OPERATION.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("the restore request failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
