package org.bastion.crm.itests.checks.backup;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;
import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.checks.permissions.PermissionTestData;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;

/**
 * The backup service through REST and the shell (crm-backup, prefix s): permissions, the catalogue, take, verify,
 * delete, restore with its confirmation (by id over REST, by file from the local console), maintenance mode's 503 and
 * its end, and the audit entries.
 */
public final class BackupServiceChecks {

    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(20);

    private final CrmApi admin;
    private final ApiClients clients;
    private final KarafShell shell;
    private final BundleContext bundleContext;

    public BackupServiceChecks(CrmApi admin, ApiClients clients, KarafShell shell, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.shell = shell;
        this.bundleContext = bundleContext;
    }

    /** Waits for {@code /backups} (the service needs the engine and the database). */
    public void awaitRegistration() {
        Await.until("GET /backups to be registered", REGISTRATION, () -> admin.get("/backups"),
                r -> r.status() != 404 && r.status() != 503);
        Await.until("the crm:backup-restore command", REGISTRATION, () -> shell.hasCommand("crm:backup-restore"), f -> f);
    }

    /** Users without the backup permissions get 403 problems, and nothing is taken or restored. */
    public void onlyHoldersOfTheBackupPermissionsReachBackups() {
        awaitRegistration();
        int before = Expect.json(200, admin.get("/backups")).size();
        for (String role : new String[] {"sales", "auditor", "dpo"}) {
            CrmApi user = EnrolledUser.create(admin, clients, "s-" + role, role).api();
            Expect.problem(403, user.get("/backups"));
            Expect.problem(403, user.post("/backups", null));
            String id = UUID.randomUUID().toString();
            JsonNode refused = Expect.problem(403, user.post("/backups/" + id + "/restore", object("confirm", id)));
            assertTrue("the refusal names the permission: " + refused, refused.path("detail").asText()
                    .contains("backups:restore"));
        }
        Expect.problem(401, clients.anonymous().get("/backups"));
        assertEquals("no backup was taken by a refused call", before, Expect.json(200, admin.get("/backups")).size());
    }

    /** The admin takes a backup (201, Location), reads it with its manifest, verifies it, deletes it. */
    public void adminTakesReadsVerifiesAndDeletesABackup() {
        awaitRegistration();
        ApiResponse created = Expect.status(201, admin.post("/backups", null));
        JsonNode backup = created.json();
        String id = backup.path("id").asText();
        assertEquals("COMPLETED", backup.path("state").asText());
        assertEquals("manual", backup.path("trigger").asText());
        assertTrue("Location names the backup: " + created.location(), created.location().endsWith("/backups/" + id));
        assertFalse("the body never holds a path: " + backup, backup.toString().contains(backupDirectory().toString()));

        JsonNode listed = Expect.json(200, admin.get("/backups"));
        assertEquals("the newest backup is listed first", id, listed.get(0).path("id").asText());
        JsonNode read = Expect.json(200, admin.get("/backups/" + id));
        assertTrue("the manifest lists participants: " + read, read.path("manifest").path("participants").size() > 0);
        assertTrue("the file is in the backup directory", Files.isRegularFile(backupDirectory()
                .resolve(read.path("fileName").asText())));

        JsonNode verified = Expect.json(200, admin.post("/backups/" + id + "/verify", null));
        assertEquals("VERIFIED", verified.path("verifyState").asText());

        Expect.deleted(admin.delete("/backups/" + id));
        assertEquals("DELETED", Expect.json(200, admin.get("/backups/" + id)).path("state").asText());
        assertFalse("the file is gone", Files.exists(backupDirectory().resolve(read.path("fileName").asText())));
        Expect.problem(404, admin.delete("/backups/" + id));
        Expect.problem(404, admin.get("/backups/" + UUID.randomUUID()));
        Expect.problem(404, admin.post("/backups/" + id + "/verify", null));
        awaitAudit("backup.deleted", id);
    }

    /** A restore needs the id typed again; a restore brings the data back, after a safety backup, and reopens. */
    public void restoreByIdBringsTheBackupsDataBackAndReopens() {
        awaitRegistration();
        String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        String kept = Expect.json(201, admin.post("/contacts", PermissionTestData.contact(adminId, "SKept", null)))
                .path("id").asText();
        String id = Expect.json(201, admin.post("/backups", null)).path("id").asText();
        String later = Expect.json(201, admin.post("/contacts", PermissionTestData.contact(adminId, "SLater", null)))
                .path("id").asText();

        Expect.problem(400, admin.post("/backups/" + id + "/restore", object("confirm", UUID.randomUUID().toString())));
        Expect.problem(400, admin.post("/backups/" + id + "/restore", object()));
        Expect.status(200, admin.get("/contacts/" + later));

        JsonNode restored = Expect.json(200, admin.post("/backups/" + id + "/restore", object("confirm", id)));
        assertEquals(id, restored.path("backupId").asText());
        assertTrue("contacts were restored: " + restored, restored.path("restored").toString().contains("contacts"));
        logInAgain();

        Await.until("the CRM to reopen after the restore", SHORT, () -> admin.get("/contacts/" + kept),
                r -> r.status() == 200);
        Expect.problem(404, admin.get("/contacts/" + later));
        JsonNode catalogue = Expect.json(200, admin.get("/backups"));
        boolean safety = false;
        for (JsonNode entry : catalogue) {
            safety |= "pre-restore".equals(entry.path("trigger").asText())
                    && "COMPLETED".equals(entry.path("state").asText());
        }
        assertTrue("a safety backup (pre-restore) was taken: " + catalogue, safety);
        awaitAudit("backup.restored", id);
    }

    /**
     * The shell as the local console: create (with progress), list, verify, a restore that is not confirmed restores
     * nothing, a restore of a file path with --force, delete, and ending maintenance when there is none.
     */
    public void shellCommandsTakeVerifyRestoreAFileAndDelete() {
        awaitRegistration();
        String created = shell.executeOnLocalConsole("crm:backup-create");
        assertTrue("progress and the backup: " + created, created.contains("Backing up to") && created.contains(
                ": COMPLETED"));
        String id = created.substring(created.indexOf("Backup ") + 7, created.indexOf("Backup ") + 43);
        assertTrue("listed: ", shell.executeOnLocalConsole("crm:backup-list").contains(id));
        assertTrue("verified", shell.executeOnLocalConsole("crm:backup-verify " + id).contains("VERIFIED"));

        String unconfirmed = shell.executeOnLocalConsole("crm:backup-restore " + id);
        assertTrue("nothing restored without yes: " + unconfirmed, unconfirmed.contains("nothing was restored")
                || unconfirmed.contains("use --force"));

        String fileName = Expect.json(200, admin.get("/backups/" + id)).path("fileName").asText();
        String restored = shell.executeOnLocalConsole("crm:backup-restore --force "
                + backupDirectory().resolve(fileName));
        assertTrue("the file was restored: " + restored, restored.contains("Restored backup " + id));
        logInAgain();
        Await.until("the CRM to reopen after the restore", SHORT, () -> admin.get("/contacts?size=1"),
                r -> r.status() == 200);

        assertTrue(shell.executeOnLocalConsole("crm:backup-maintenance-end").contains("not in maintenance"));
        assertTrue(shell.executeOnLocalConsole("crm:backup-delete " + id).contains("deleted"));
        String bad = shell.executeOnLocalConsole("crm:backup-verify not-an-id");
        assertTrue("one error line: " + bad, bad.contains("id: not a valid id") && !bad.contains("Exception"));
    }

    /**
     * Maintenance left on (as a failed restore leaves it, set here in its row) answers 503 problem+json with Retry-After
     * to everything but health and reading backups, on every node; crm:backup-maintenance-end reopens.
     */
    public void maintenanceAnswers503UntilAnAdministratorEndsIt() {
        awaitRegistration();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            database.update("UPDATE crm_backup_maintenance SET active = TRUE, reason = ?, restore_id = ? WHERE id = 1",
                    "itest: a restore failed", UUID.randomUUID().toString());
        }
        try {
            refusedDuringMaintenanceThenEnded();
        } finally {
            try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
                database.update("UPDATE crm_backup_maintenance SET active = FALSE, reason = NULL WHERE id = 1");
            }
        }
        Await.until("the CRM to reopen", SHORT, () -> admin.get("/contacts?size=1"), r -> r.status() == 200);
        awaitAudit("backup.maintenance-ended", null);
    }

    private void refusedDuringMaintenanceThenEnded() {
        ApiResponse refused = Await.until("maintenance to be seen", SHORT, () -> admin.get("/contacts?size=1"),
                r -> r.status() == 503);
        JsonNode problem = Expect.problem(503, refused);
        assertTrue("the problem says maintenance: " + problem, problem.path("type").asText().endsWith("/maintenance")
                && problem.path("detail").asText().contains("itest: a restore failed"));
        assertNotNull("Retry-After: " + refused.describe(), refused.header("Retry-After"));
        Expect.problem(503, admin.post("/backups", null));
        Expect.problem(503, clients.anonymous().get("/contacts"));
        ApiResponse health = admin.get("/health");
        assertFalse("health is not refused for maintenance: " + health.describe(),
                health.body().contains("/problems/maintenance"));
        Expect.status(200, admin.get("/backups"));

        String ended = shell.executeOnLocalConsole("crm:backup-maintenance-end");
        assertTrue("ended: " + ended, ended.contains("Maintenance ended") && ended.contains("itest: a restore failed"));
        Await.until("the CRM to reopen", SHORT, () -> admin.get("/contacts?size=1"), r -> r.status() == 200);
    }

    /** A restore replaced the users and so ended every session: the suite's admin logs in again. */
    private void logInAgain() {
        admin.useBearer(AdminLogin.logInAgain(clients).token());
    }

    private void awaitAudit(String action, String targetId) {
        Await.until("an audit entry " + action, SHORT, () -> admin.get("/audit?action=" + action + "&size=20"),
                r -> r.status() == 200 && (targetId == null || r.body().contains(targetId)) && r.json().path("items")
                        .size() > 0);
    }

    private static Path backupDirectory() {
        return Paths.get(System.getProperty("karaf.base", ".")).resolve("data/backups").toAbsolutePath().normalize();
    }
}
