package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;
import org.bastion.crm.itests.support.KarafLog;

/**
 * The backup endpoints as a client sees them ({@code /api/v1/backups}), for the load checks: takes a backup and waits
 * until it is finished (whether the server answers at once or with 202), restores one and waits until the CRM answers
 * again, and finds a backup's file in the backup directory (files are never served, so the checks read the disk).
 */
final class LoadBackupsApi {

    /** How long one backup, verify or restore of the suites' data may take. */
    static final Duration OPERATION = Duration.ofSeconds(180);

    private static final String DEFAULT_DIRECTORY = "data/backups";

    private final CrmApi api;
    private final ApiClients clients;

    /** Backups through {@code api}, which logs the admin in again through {@code clients} when a restore ended it. */
    LoadBackupsApi(CrmApi api, ApiClients clients) {
        this.api = api;
        this.clients = clients;
    }

    /** {@code POST /backups}, answered as it comes. */
    ApiResponse startBackup() {
        return api.send("POST", "/backups", null, null);
    }

    /** Takes a backup and returns its catalogue entry once COMPLETED. */
    JsonNode backup() {
        return finished(startBackup());
    }

    /** The catalogue entry of a backup the server accepted (201 or 200 finished, 202 still running), once finished. */
    JsonNode finished(ApiResponse answer) {
        assertTrue("POST /backups is accepted: " + answer.describe(),
                answer.status() == 200 || answer.status() == 201 || answer.status() == 202);
        String id = answer.json().path("id").asText();
        assertTrue("the answer to POST /backups names the backup: " + answer.describe(), !id.isEmpty());
        JsonNode info = Await.until("backup " + id + " to finish", OPERATION, () -> Expect.json(200, get(id)),
                entry -> !"RUNNING".equals(entry.path("state").asText()));
        assertEquals("backup " + id + " completed: " + info, "COMPLETED", info.path("state").asText());
        return info;
    }

    /** {@code GET /backups/{id}}. */
    ApiResponse get(String id) {
        return api.get("/backups/" + id);
    }

    /** Every catalogue entry ({@code GET /backups}), whether the body is an array or a page of items. */
    List<JsonNode> list() {
        JsonNode body = Expect.json(200, api.get("/backups"));
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> entries = new ArrayList<>();
        items.forEach(entries::add);
        return entries;
    }

    /** {@code POST /backups/{id}/verify}. */
    ApiResponse verify(String id) {
        return api.send("POST", "/backups/" + id + "/verify", null, null);
    }

    /** {@code POST /backups/{id}/restore} with the confirmation the contract asks for. */
    ApiResponse startRestore(String id) {
        return api.post("/backups/" + id + "/restore", Json.object("confirm", id));
    }

    /** Restores a backup through REST and waits until the CRM serves contacts again. */
    void restore(String id) {
        ApiResponse answer = startRestore(id);
        assertTrue("POST /backups/" + id + "/restore is accepted: " + answer.describe(),
                answer.status() == 200 || answer.status() == 202 || answer.status() == 204);
        awaitServing();
    }

    /**
     * Waits until maintenance is over, logs the admin in again (a restore replaces the users, which ends every session;
     * the old token may still pass for a moment) and waits until the contact list answers 200.
     */
    void awaitServing() {
        Await.until("the CRM to leave maintenance after the restore", OPERATION, () -> api.get("/contacts?size=1"),
                answer -> answer.status() != 503);
        api.useBearer(AdminLogin.logInAgain(clients).token());
        Await.until("the CRM to serve GET /contacts again after the restore", OPERATION, () -> api.get("/contacts?size=1"),
                answer -> answer.status() == 200);
    }

    /** The manifest's row count of {@code table}, whichever participant holds it. */
    static long manifestRows(JsonNode info, String table) {
        for (JsonNode participant : info.path("manifest").path("participants")) {
            for (JsonNode part : participant.path("tables")) {
                if (table.equals(part.path("table").asText())) {
                    return part.path("rows").asLong();
                }
            }
        }
        throw new AssertionError("the manifest of backup " + info.path("id").asText() + " lists no table " + table
                + ": " + Json.abbreviate(info.toString()));
    }

    /** The part names of a backup's manifest ({@code <participant>/<table>}). */
    static List<String> partNames(JsonNode info) {
        List<String> parts = new ArrayList<>();
        for (JsonNode participant : info.path("manifest").path("participants")) {
            for (JsonNode part : participant.path("tables")) {
                parts.add(part.path("part").asText());
            }
        }
        return parts;
    }

    /** The backup directory of the default configuration. */
    static Path directory() {
        return KarafLog.baseFolder().resolve(DEFAULT_DIRECTORY);
    }

    /** The file of a catalogue entry: in the backup directory, or (another directory configured) anywhere below base. */
    static Path fileOf(JsonNode info) {
        String name = info.path("fileName").asText();
        assertTrue("the catalogue entry names its file: " + info, !name.isEmpty() && !name.contains("/"));
        Path inDirectory = directory().resolve(name);
        if (Files.isRegularFile(inDirectory)) {
            return inDirectory;
        }
        try (Stream<Path> walk = Files.walk(KarafLog.baseFolder())) {
            Optional<Path> found = walk.filter(p -> p.getFileName().toString().equals(name))
                    .filter(Files::isRegularFile).findFirst();
            return found.orElseThrow(() -> new AssertionError("the file " + name + " of backup "
                    + info.path("id").asText() + " is nowhere under " + KarafLog.baseFolder()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
