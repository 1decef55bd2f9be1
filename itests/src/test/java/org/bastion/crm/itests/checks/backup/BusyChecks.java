package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Expect;

/**
 * One backup or restore at a time: while a backup runs (the catalogue lists it RUNNING), a restore and a second backup
 * are refused with 409 problem+json of type {@code backup-busy}, and the running backup completes.
 */
final class BusyChecks {

    private static final int ATTEMPTS = 5;

    private final LoadBackupsApi backups;

    BusyChecks(LoadBackupsApi backups) {
        this.backups = backups;
    }

    /** Starts backups until one is seen RUNNING, and asks for a restore and another backup meanwhile. */
    void secondOperationIsRefusedWith409() {
        String restorable = backups.backup().path("id").asText();
        List<String> missed = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CompletableFuture<ApiResponse> running = CompletableFuture.supplyAsync(backups::startBackup);
            String runningId = awaitRunning(running);
            if (runningId == null) {
                backups.finished(await(running));
                missed.add("attempt " + attempt + ": the backup ended before it was seen RUNNING");
                continue;
            }
            ApiResponse restore = backups.startRestore(restorable);
            ApiResponse second = backups.startBackup();
            backups.finished(await(running));
            if (restore.status() / 100 == 2 || second.status() / 100 == 2) {
                backups.awaitServing();
                if (second.status() / 100 == 2) {
                    backups.finished(second);
                }
                missed.add("attempt " + attempt + ": backup " + runningId + " ended before the requests landed ("
                        + restore.status() + ", " + second.status() + ")");
                continue;
            }
            isBusy("POST /backups/{id}/restore while backup " + runningId + " runs", restore);
            isBusy("POST /backups while backup " + runningId + " runs", second);
            return;
        }
        throw new AssertionError("no backup was caught running in " + ATTEMPTS + " attempts: " + missed);
    }

    /** The id of a backup the catalogue lists RUNNING while {@code running} has not answered, or null. */
    private String awaitRunning(CompletableFuture<ApiResponse> running) {
        while (!running.isDone()) {
            for (JsonNode entry : backups.list()) {
                if ("RUNNING".equals(entry.path("state").asText())) {
                    return entry.path("id").asText();
                }
            }
        }
        ApiResponse answer = await(running);
        if (answer.status() == 202) {
            String id = answer.json().path("id").asText();
            ApiResponse entry = backups.get(id);
            return entry.status() == 200 && "RUNNING".equals(entry.json().path("state").asText()) ? id : null;
        }
        return null;
    }

    private static void isBusy(String what, ApiResponse answer) {
        JsonNode problem = Expect.problem(409, answer);
        assertTrue(what + " answers a backup-busy problem: " + answer.describe(),
                problem.path("type").asText().endsWith("backup-busy"));
    }

    private static ApiResponse await(CompletableFuture<ApiResponse> request) {
        try {
            return request.get(LoadBackupsApi.OPERATION.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("POST /backups did not answer within " + LoadBackupsApi.OPERATION.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("POST /backups failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
