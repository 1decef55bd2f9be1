package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.backup.internal.archive.ArchiveFiles;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times backup, verify and restore of 100,000 contacts (the contacts bundle's real schema, ciphertext-like values, one
 * e-mail, one phone and four search tokens each) on a file H2 database with the distribution's URL settings, and prints the figures; run with
 * {@code -Dcrm.backup.bench=true} (optionally {@code -Dcrm.backup.bench.contacts=N}). It asserts only that the restore
 * is complete, never a time.
 */
@EnabledIfSystemProperty(named = "crm.backup.bench", matches = "true")
class ContactsBenchmarkTest {

    @TempDir
    Path directory;

    @Test
    void backUpVerifyAndRestoreOneHundredThousandContacts() throws Exception {
        int contacts = Integer.getInteger("crm.backup.bench.contacts", 100_000);
        Path databaseDir = Files.createDirectory(directory.resolve("db"));
        Path backups = Files.createDirectory(directory.resolve("backups"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + databaseDir.resolve("crm")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;CACHE_SIZE=131072;WRITE_DELAY=0");
        TestParticipant participant = new TestParticipant("contacts", List.of("crm_company", "crm_company_tag",
                "crm_contact", "crm_contact_email", "crm_contact_phone", "crm_contact_address", "crm_contact_tag",
                "crm_contact_search"), contactsMigrations(), Set.of());
        new SchemaMigrator(h2).migrate("contacts", participant.migrations());
        populate(h2, contacts);
        compact(h2);
        long databaseBytes = sizeOf(databaseDir);
        DefaultBackupEngine engine = new DefaultBackupEngine(h2, new FakeBackupKeys(), new FakeRecordKeyBackup(),
                TestDatabase.scratch(), ArchiveFiles.LOCAL, Clock.systemUTC(), "bench");
        List<BackupParticipant> participants = List.of(participant);

        long start = System.nanoTime();
        BackupEngine.Written written = engine.backup(backups, "manual", participants, BackupProgress.NONE);
        long backupMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        engine.verify(written.file(), participants, BackupProgress.NONE);
        long verifyMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        long[] firstLoad = {0};
        long restoreStart = start;
        engine.restore(written.file(), participants, (step, done, total) -> {
            if (firstLoad[0] == 0 && total > 0) {
                firstLoad[0] = (System.nanoTime() - restoreStart) / 1_000_000;
            }
        });
        long restoreMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("BENCH contacts=%d rows=%d database=%.1f MB backup file=%.1f MB (%.0f%% of the database)%n"
                        + "BENCH backup %d ms, verify %d ms, restore %d ms (checked and deleted after %d ms)%n", contacts, written.manifest().rowCount(),
                databaseBytes / 1e6, written.sizeBytes() / 1e6, 100.0 * written.sizeBytes() / databaseBytes, backupMs,
                verifyMs, restoreMs, firstLoad[0]);
        try (Connection connection = h2.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM crm_contact")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(contacts);
            statement.execute("SHUTDOWN");
        }
    }

    private static List<Migration> contactsMigrations() throws IOException {
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(Path.of("../crm-contacts/src/main/resources/db/contacts"))) {
            for (Path script : scripts.toList()) {
                migrations.add(Migration.fromScript(script.getFileName().toString(), Files.readString(script)));
            }
        }
        return migrations;
    }

    private static void populate(JdbcDataSource h2, int contacts) throws SQLException {
        Random random = new Random(14);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection connection = h2.getConnection();
             PreparedStatement company = connection.prepareStatement("INSERT INTO crm_company (id, name, name_lower,"
                     + " owner_id, created_at, updated_at, row_version) VALUES (?, ?, ?, 'admin', ?, ?, 1)");
             PreparedStatement contact = connection.prepareStatement("INSERT INTO crm_contact (id, first_name,"
                     + " last_name, title, company_id, owner_id, notes, birthday, created_at, updated_at, row_version)"
                     + " VALUES (?, ?, ?, ?, ?, 'admin', ?, ?, ?, ?, 1)");
             PreparedStatement email = connection.prepareStatement("INSERT INTO crm_contact_email"
                     + " (contact_id, seq, email_type, address, is_primary) VALUES (?, 0, 'work', ?, TRUE)");
             PreparedStatement phone = connection.prepareStatement("INSERT INTO crm_contact_phone"
                     + " (contact_id, seq, phone_type, phone_number) VALUES (?, 0, 'mobile', ?)");
             PreparedStatement search = connection.prepareStatement("INSERT INTO crm_contact_search"
                     + " (contact_id, key_version, token) VALUES (?, 1, ?)")) {
            connection.setAutoCommit(false);
            List<String> companies = new ArrayList<>();
            for (int c = 0; c < 1000; c++) {
                String id = UUID.randomUUID().toString();
                companies.add(id);
                company.setString(1, id);
                company.setString(2, "Company " + c);
                company.setString(3, "company " + c);
                company.setTimestamp(4, now);
                company.setTimestamp(5, now);
                company.addBatch();
            }
            company.executeBatch();
            for (int i = 0; i < contacts; i++) {
                String id = UUID.randomUUID().toString();
                contact.setString(1, id);
                contact.setString(2, ciphertext(random, 8));
                contact.setString(3, ciphertext(random, 10));
                contact.setString(4, ciphertext(random, 12));
                contact.setString(5, companies.get(i % companies.size()));
                contact.setString(6, i % 4 == 0 ? ciphertext(random, 120) : null);
                contact.setString(7, ciphertext(random, 10));
                contact.setTimestamp(8, now);
                contact.setTimestamp(9, now);
                contact.addBatch();
                email.setString(1, id);
                email.setString(2, ciphertext(random, 24));
                email.addBatch();
                phone.setString(1, id);
                phone.setString(2, ciphertext(random, 14));
                phone.addBatch();
                for (int t = 0; t < 4; t++) {
                    search.setString(1, id);
                    search.setLong(2, random.nextLong());
                    search.addBatch();
                }
                if (i % 1000 == 999) {
                    contact.executeBatch();
                    email.executeBatch();
                    phone.executeBatch();
                    search.executeBatch();
                    connection.commit();
                }
            }
            contact.executeBatch();
            email.executeBatch();
            phone.executeBatch();
            search.executeBatch();
            connection.commit();
        }
    }

    /** Compacts the file as the CRM's database housekeeping keeps it (the inserts above leave dead chunks behind). */
    private static void compact(JdbcDataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }

    /** A value shaped like a field ciphertext: version prefix, nonce, ciphertext and tag of a plaintext this long. */
    private static String ciphertext(Random random, int plaintextLength) {
        byte[] bytes = new byte[12 + plaintextLength + 16];
        random.nextBytes(bytes);
        return "v1:" + Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
