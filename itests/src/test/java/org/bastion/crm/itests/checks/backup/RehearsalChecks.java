package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.PostgresDatabase;

/**
 * The runbook rehearsal ({@code docs/disaster-recovery.md}, "Lost server" and "Moving from the embedded H2 to
 * PostgreSQL"), run from inside the suite's CRM on H2: fills it, takes a backup through the API, prepares a second,
 * fresh distribution on PostgreSQL with the keystore, the passphrase, the backup file and the key backup, starts it,
 * restores with {@code crm:backup-restore --force <file>} typed at its local console, and compares what the API shows.
 * Prints the time of each step as {@code [rehearsal]} lines and appends them to {@code rehearsal-figures.txt} beside the
 * suites' runtimes: the RTO figures of the runbook.
 */
public final class RehearsalChecks {

    private static final Duration RESTORED = Duration.ofMinutes(4);

    private final CrmApi admin;
    private final ApiClients clients;
    private final AdminSession adminSession;
    private final List<String> figures = new ArrayList<>();

    /** Checks on the suite's CRM: {@code admin} holds the first admin's token ({@code adminSession}). */
    public RehearsalChecks(CrmApi admin, ApiClients clients, AdminSession adminSession) {
        this.admin = admin;
        this.clients = clients;
        this.adminSession = adminSession;
    }

    /**
     * Backs up the filled CRM, restores onto a fresh distribution on {@code database} (its schema already emptied)
     * by the runbook's steps, and expects the same contacts, companies, users, logins, roles, teams and audit trail.
     * {@code suiteName} names the folder the new distribution is unpacked into.
     */
    public void restoreOntoFreshPostgresShowsTheSame(String suiteName, PostgresDatabase database) {
        RehearsalData data = RehearsalData.fill(admin, clients);
        Path home = Path.of(System.getProperty("karaf.base"));
        Path backups = home.resolve("data").resolve("backups");
        long lastSequence = chainedSequence(admin);
        long backupStarted = System.nanoTime();
        JsonNode backup = RehearsalBackups.create(admin);
        figure("backup through POST /api/v1/backups", backupStarted);
        RehearsalViews original = RehearsalViews.read(admin, data, lastSequence);
        assertTrue("the audit chain has entries before the backup: " + lastSequence, lastSequence > 0);
        assertTrue("the original shows the first contact decrypted", original.view("/contacts/"
                + data.contactIds().get(0)).contains("\"Ada\""));
        assertTrue("the original has audit entries about the first contact up to the backup", original.view(
                "/audit?targetKind=contact&targetId=" + data.contactIds().get(0) + "&size=100").contains("sequence"));

        Path backupFile = backups.resolve(backup.path("fileName").asText());
        Path keyBackup = backups.resolve("record-keys.cbk");
        assertTrue("the backup file is in data/backups: " + backupFile, Files.isRegularFile(backupFile));
        assertTrue("the key backup is beside it: " + keyBackup, Files.isRegularFile(keyBackup));
        Path etc = Path.of(System.getProperty("karaf.etc"));

        long prepared = System.nanoTime();
        try (RehearsalTarget target = RehearsalTarget.prepare(suiteName, database, etc.resolve("crm-master.p12"),
                passphrase(etc))) {
            Path copied = target.installBackup(backupFile, keyBackup);
            Duration boot = target.start();
            figures.add("fresh distribution on PostgreSQL, start to health UP: " + boot.toMillis() + " ms");
            long restoreStarted = System.nanoTime();
            String printed = target.type("crm:backup-restore --force " + copied, "Restored backup", "Error");
            figure("crm:backup-restore --force <file> at the local console", restoreStarted);
            assertTrue("the restore names the restored participants: " + printed, printed.contains("contacts"));
            ApiClients restored = target.runtime().clients();
            String token = originalAdminToken(restored);
            CrmApi restoredAdmin = restored.withToken(token);
            target.runtime().awaitServing(token);
            figure("restore started to the restored data served", restoreStarted);
            figure("new machine prepared to the restored data served (RTO without fetching files)", prepared);

            RehearsalViews after = RehearsalViews.read(restoredAdmin, data, lastSequence);
            List<String> differences = original.differences(after);
            assertEquals("every one of " + original.size() + " views is the same after the restore onto PostgreSQL:\n"
                    + String.join("\n", differences), List.of(), differences);
            JsonNode verified = Expect.json(200, restoredAdmin.get("/audit/verify"));
            assertTrue("the restored audit trail verifies: " + verified, verified.path("ok").asBoolean());
            assertTrue("the restored chain reaches the backed-up entries: " + verified,
                    verified.path("headSequence").asLong() >= lastSequence);
            usersLogIn(restored, data);
        } finally {
            report();
        }
    }

    /** The original users log in on the restored CRM: one with password and TOTP code, one with a recovery code. */
    private static void usersLogIn(ApiClients restored, RehearsalData data) {
        Logins logins = new Logins(restored);
        RehearsalData.EnrolledUser totp = data.users().get(0);
        String token = logins.tokenWithTotp(totp.user().username(), totp.user().password(), totp.enrolment().app());
        Expect.json(200, restored.withToken(token).get("/contacts/" + data.contactIds().get(0)));
        RehearsalData.EnrolledUser recovery = data.users().get(1);
        logins.tokenWithCode(recovery.user().username(), recovery.user().password(),
                recovery.enrolment().recoveryCodes().get(0));
        ApiResponse wrong = logins.passwordStep(totp.user().username(), totp.user().password() + "-wrong");
        assertEquals("a wrong password is still refused: " + wrong.describe(), 401, wrong.status());
    }

    /** The original first admin logs in on the restored CRM (password and TOTP), once the restore has let it in. */
    private String originalAdminToken(ApiClients restored) {
        Logins logins = new Logins(restored);
        Await.until("the original admin's password to be accepted by the restored CRM", RESTORED,
                () -> logins.passwordStep(AdminSession.USERNAME, adminSession.password()),
                answer -> answer.status() == 200 && answer.json().path("mfaRequired").asBoolean());
        return logins.tokenWithTotp(AdminSession.USERNAME, adminSession.password(), adminSession.app());
    }

    /** The sequence number the audit chain has reached (every entry up to it is chained and in the next backup). */
    private static long chainedSequence(CrmApi admin) {
        JsonNode verified = Expect.json(200, admin.get("/audit/verify"));
        assertTrue("the original audit trail verifies: " + verified, verified.path("ok").asBoolean());
        return verified.path("headSequence").asLong();
    }

    /** The passphrase the suite's CRM runs with: from its environment, else the one it generated beside the keystore. */
    private static String passphrase(Path etc) {
        String fromEnvironment = System.getenv("CRM_MASTER_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return Files.readAllLines(etc.resolve("crm-master.passphrase"), StandardCharsets.UTF_8).get(0).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's CRM has no CRM_MASTER_PASSPHRASE and no etc/crm-master.passphrase",
                    e);
        }
    }

    private void figure(String what, long startedNanos) {
        figures.add(what + ": " + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + " ms");
    }

    private void report() {
        Path file = Path.of(System.getProperty("crm.itest.examDir", "target/exam")).resolveSibling("rehearsal-figures.txt");
        StringBuilder text = new StringBuilder();
        for (String line : figures) {
            System.out.println("[rehearsal] " + line);
            text.append(Instant.now()).append(' ').append(line).append(System.lineSeparator());
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[rehearsal] cannot write " + file + ": " + e);
        }
    }
}
