package org.bastion.crm.itests.checks.backup;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.ManagedConfiguration;
import org.osgi.framework.BundleContext;

/**
 * Schedules, retention, off-site copies and health of crm-backup in the running distribution: a schedule set through
 * configuration fires (one backup, trigger {@code scheduled}, copied off-site with the key backup), retention deletes
 * exactly what grandfather-father-son says after the next backup, and health turns DEGRADED on a schedule that does
 * not parse or a directory that cannot be written, naming why, and UP again when they are put right; the key backup
 * is written again when a record key is destroyed.
 */
public final class BackupScheduleChecks {

    private static final String PID = "org.bastion.crm.backup";
    private static final Duration FIRE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private final BundleContext bundleContext;
    private final CrmApi admin;

    public BackupScheduleChecks(BundleContext bundleContext, CrmApi admin) {
        this.bundleContext = bundleContext;
        this.admin = admin;
    }

    /** A cron expression set over configuration fires once, on time, and the backup is copied off-site. */
    public void scheduleSetOverConfigurationFires() throws IOException {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            long scheduledBefore = database.number("SELECT COUNT(*) FROM crm_backup WHERE trigger_kind = 'scheduled'");
            Path offsite = base().resolve("data/backups-offsite-" + UUID.randomUUID().toString().substring(0, 8));
            ZonedDateTime at = ZonedDateTime.now().plusSeconds(20).withNano(0);
            String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                    + at.getMonthValue() + " ? " + at.getYear();
            configuration.update(Map.of("schedule", cron, "offsiteDirectory", offsite.toString()));

            String id = Await.until("the schedule '" + cron + "' to take a backup", FIRE_TIMEOUT,
                    () -> database.text("SELECT id FROM crm_backup WHERE trigger_kind = 'scheduled' AND state ="
                            + " 'COMPLETED' AND offsite_copied_at IS NOT NULL ORDER BY started_at DESC"),
                    found -> found != null
                            && database.number("SELECT COUNT(*) FROM crm_backup WHERE trigger_kind = 'scheduled'")
                            > scheduledBefore);
            assertEquals("one scheduled backup for the one scheduled time", scheduledBefore + 1,
                    database.number("SELECT COUNT(*) FROM crm_backup WHERE trigger_kind = 'scheduled'"));
            assertEquals("the backup started at the scheduled time " + at + ", not before", 1,
                    database.number("SELECT COUNT(*) FROM crm_backup WHERE id = ? AND started_at >= ?", id,
                            at.toOffsetDateTime()));
            assertTrue("the lease moved past the scheduled time", database.text("SELECT holder FROM crm_backup_job"
                    + " WHERE job = 'scheduled-backup'") != null);

            String fileName = database.text("SELECT file_name FROM crm_backup WHERE id = ?", id);
            Path file = directory(configuration).resolve(fileName);
            assertArrayEquals("the off-site copy is the backup, byte for byte", Files.readAllBytes(file),
                    Files.readAllBytes(offsite.resolve(fileName)));
            assertTrue("the key backup is copied off-site too", Files.isRegularFile(offsite.resolve("record-keys.cbk")));
            try (Stream<Path> files = Files.list(offsite)) {
                List<String> partial = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("."))
                        .toList();
                assertTrue("no temporary file is left off-site: " + partial, partial.isEmpty());
            }
            // the scheduled backup is verified after its off-site copy, still holding the operation lease: the next
            // check's POST /backups would meet 409 backup-busy if this one ended before the lease was given back
            Await.until("the scheduled backup to be verified and the operation lease given back", FIRE_TIMEOUT,
                    () -> database.text("SELECT verify_state FROM crm_backup WHERE id = ?", id) + " "
                            + database.number("SELECT COUNT(*) FROM crm_backup_job WHERE job = 'operation-lease'"
                            + " AND next_run_at > ?", OffsetDateTime.now(ZoneOffset.UTC)),
                    found -> found.equals("VERIFIED 0"));
        } finally {
            configuration.restore(before);
        }
    }

    /**
     * Backups older than a day, put into the catalogue as copies of a real one, are thinned by the retention that runs
     * after the next backup exactly as grandfather-father-son says (daily 2, weekly 0, monthly 0: the newest of the two
     * newest days stay); every backup younger than a day stays.
     */
    public void retentionDeletesWhatGrandfatherFatherSonSays() throws IOException {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            Path directory = directory(configuration);
            String template = Expect.json(201, admin.post("/backups", null)).path("fileName").asText();
            ZonedDateTime noon = ZonedDateTime.now().withHour(12).withMinute(0).withSecond(0).withNano(0);
            String threeDaysMorning = old(database, directory, template, noon.minusDays(3).withHour(6));
            String threeDaysNoon = old(database, directory, template, noon.minusDays(3));
            String tenDays = old(database, directory, template, noon.minusDays(10));
            OffsetDateTime dayAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(23);
            String youngSql = "SELECT COUNT(*) FROM crm_backup WHERE state = 'COMPLETED' AND started_at > ?";
            long young = database.number(youngSql, dayAgo);
            configuration.update(Map.of("keepDaily", 2, "keepWeekly", 0, "keepMonthly", 0));
            // Config Admin hands the change over asynchronously: the next backup's retention must already use it
            Await.until("health component backup to show the new retention counts", HEALTH_TIMEOUT,
                    this::backupHealth, component -> component != null && component.path("detail").asText()
                            .contains("retention daily 2, weekly 0, monthly 0"));

            JsonNode taken = Expect.json(201, admin.post("/backups", null));

            Await.until("retention to delete the backups of ten days ago and the older one of three days ago",
                    HEALTH_TIMEOUT, () -> state(database, tenDays) + " " + state(database, threeDaysMorning),
                    states -> states.equals("DELETED DELETED"));
            assertEquals("the newest backup of the second newest day stays", "COMPLETED",
                    state(database, threeDaysNoon));
            assertEquals("the backup just taken stays", "COMPLETED", state(database, taken.path("id").asText()));
            assertEquals("every backup younger than a day stays", young + 1, database.number(youngSql, dayAgo));
            assertFalse(Files.exists(directory.resolve(tenDays + ".cbk")));
            assertFalse(Files.exists(directory.resolve(threeDaysMorning + ".cbk")));
            assertTrue(Files.exists(directory.resolve(threeDaysNoon + ".cbk")));
            assertTrue(Files.exists(directory.resolve(template)));
        } finally {
            configuration.restore(before);
        }
    }

    /** Health is DEGRADED naming a schedule that does not parse, and UP again when a valid one is set. */
    public void healthDegradedOnAScheduleThatDoesNotParse() {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try {
            configuration.update(Map.of("schedule", "0 0 25 * * ?"));
            JsonNode degraded = awaitBackupHealth("DEGRADED", "'0 0 25 * * ?' is not a Quartz cron expression");
            assertTrue("the previous schedule is kept: " + degraded,
                    degraded.path("detail").asText().contains("keeping schedule"));
            configuration.update(Map.of("schedule", "0 0 3 * * ?"));
            awaitBackupHealth("UP", "schedule '0 0 3 * * ?'");
        } finally {
            configuration.restore(before);
        }
    }

    /** Health is DEGRADED naming a backup directory that cannot be created, and UP again when it can. */
    public void healthDegradedOnADirectoryThatCannotBeWritten() throws IOException {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        Path blocker = base().resolve("data/not-a-directory-" + UUID.randomUUID().toString().substring(0, 8));
        Files.writeString(blocker, "a file where a directory should be");
        try {
            configuration.update(Map.of("directory", blocker.resolve("backups").toString()));
            awaitBackupHealth("DEGRADED", "is missing and cannot be created");
            configuration.restore(before);
            awaitBackupHealth("UP", "last success");
        } finally {
            configuration.restore(before);
            Files.deleteIfExists(blocker);
        }
    }

    /**
     * Deleting a contact destroys its record key; within seconds the key backup is written again (its bytes change
     * although no backup ran), so an older data backup restored later cannot bring the contact back.
     */
    public void keyBackupRewrittenWhenARecordKeyIsDestroyed() throws IOException {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Path keys = directory(configuration).resolve("record-keys.cbk");
        Expect.json(201, admin.post("/backups", null));
        byte[] before = Files.readAllBytes(keys);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = Expect.json(201, admin.post("/contacts", object("firstName", "Erased", "lastName", "Keys-" + run,
                "emails", array(object("type", "work", "address", "erased.keys." + run + "@example.com",
                        "primary", true))))).path("id").asText();
        assertTrue("no backup runs, so creating a contact leaves the key backup as it was",
                java.util.Arrays.equals(before, Files.readAllBytes(keys)));

        Expect.deleted(admin.delete("/contacts/" + id));

        Await.until("the key backup to be rewritten after the contact's record key was destroyed",
                Duration.ofSeconds(30), () -> read(keys), now -> now != null && !java.util.Arrays.equals(before, now));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null; // being replaced: the next poll reads the new one
        }
    }

    private JsonNode awaitBackupHealth(String state, String detailPart) {
        return Await.until("health component backup " + state + " with '" + detailPart + "'", HEALTH_TIMEOUT,
                this::backupHealth, component -> component != null && state.equals(component.path("state").asText())
                        && component.path("detail").asText().contains(detailPart));
    }

    private JsonNode backupHealth() {
        JsonNode health = Expect.json(200, admin.get("/health"));
        for (JsonNode component : health.path("components")) {
            if ("backup".equals(component.path("component").asText())) {
                return component;
            }
        }
        return null;
    }

    /** A COMPLETED catalogue row taken at {@code at}, whose file is a copy of {@code template}; returns its id. */
    private static String old(CrmDatabase database, Path directory, String template, ZonedDateTime at) {
        String id = UUID.randomUUID().toString();
        try {
            Files.copy(directory.resolve(template), directory.resolve(id + ".cbk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database.update("INSERT INTO crm_backup (id, file_name, trigger_kind, state, started_at, finished_at, node)"
                + " VALUES (?, ?, 'scheduled', 'COMPLETED', ?, ?, 'itest')", id, id + ".cbk", at.toOffsetDateTime(),
                at.plusMinutes(1).toOffsetDateTime());
        return id;
    }

    private static String state(CrmDatabase database, String id) {
        return database.text("SELECT state FROM crm_backup WHERE id = ?", id);
    }

    private static Path directory(ManagedConfiguration configuration) {
        Object configured = configuration.snapshot().get("directory");
        String directory = configured == null || configured.toString().isBlank() ? "data/backups"
                : configured.toString().trim();
        Path path = Path.of(directory);
        return path.isAbsolute() ? path : base().resolve(path);
    }

    private static Path base() {
        return Path.of(System.getProperty("karaf.base", "."));
    }
}
