package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OlderAndMergedRestoreTest {

    @TempDir
    Path directory;

    private final TestDatabase database = new TestDatabase();
    private final FakeBackupKeys keys = new FakeBackupKeys();

    @AfterEach
    void close() {
        database.close();
    }

    private DefaultBackupEngine engine() {
        return new DefaultBackupEngine(database.dataSource, keys, new FakeRecordKeyBackup(), TestDatabase.scratch(),
                org.bastion.crm.backup.internal.archive.ArchiveFiles.LOCAL, java.time.Clock.systemUTC(), "1.2.3");
    }

    @Test
    void aBackupOfAnOlderSchemaIsLoadedAtItsVersionAndMigratedToTheCurrentOne() throws Exception {
        TestParticipant olderRelease = TestParticipant.peopleAtVersion1();
        database.migrate(olderRelease);
        database.execute("INSERT INTO t_company (id, name) VALUES (1, 'Acme')",
                "INSERT INTO t_contact (id, company_id, name) VALUES (1, 1, 'ada'), (2, 1, 'grace')");
        BackupEngine.Written written = engine().backup(directory, "manual", List.of(olderRelease),
                BackupProgress.NONE);
        assertThat(written.manifest().participants().get(0).schemaVersion()).isEqualTo(1);
        TestParticipant current = TestParticipant.people();
        database.migrate(current);
        database.execute("DELETE FROM t_contact", "INSERT INTO t_contact (id, company_id, name, email)"
                + " VALUES (7, 1, 'later', 'later@x.example')");

        BackupEngine.Restored restored = engine().restore(written.file(), List.of(current), BackupProgress.NONE);

        assertThat(restored.migratedParticipants()).containsExactly("people");
        assertThat(database.rows("SELECT id, name, email FROM t_contact ORDER BY id")).containsExactly(
                List.of(1L, "ada", "ada@example.org"), List.of(2L, "grace", "grace@example.org"));
        assertThat(database.count("SELECT MAX(version) FROM crm_schema_version WHERE component = 'people'"))
                .isEqualTo(2);
        assertThat(current.calls).containsExactly("before", "after");
    }

    @Test
    void anOlderBackupVerifiesAgainstTheCurrentParticipants() throws Exception {
        TestParticipant olderRelease = TestParticipant.peopleAtVersion1();
        database.migrate(olderRelease);
        database.execute("INSERT INTO t_company (id, name) VALUES (1, 'Acme')");
        BackupEngine.Written written = engine().backup(directory, "manual", List.of(olderRelease),
                BackupProgress.NONE);

        assertThat(engine().verify(written.file(), List.<BackupParticipant>of(TestParticipant.people()),
                BackupProgress.NONE).rowCount()).isEqualTo(1);
    }

    @Test
    void mergedTablesKeepTheirCurrentRowsAndGainTheBackupsMissingOnes() throws Exception {
        TestParticipant keyTables = TestParticipant.keys();
        database.migrate(keyTables);
        database.execute("INSERT INTO t_data_key VALUES ('k1', 'wrapped-1'), ('k2', 'wrapped-2')",
                "INSERT INTO t_key_state VALUES (1, 'ACTIVE')");
        BackupEngine.Written written = engine().backup(directory, "manual", List.of(keyTables), BackupProgress.NONE);
        database.execute("DELETE FROM t_data_key WHERE id = 'k2'", "UPDATE t_data_key SET wrapped = 'rewrapped-1'",
                "INSERT INTO t_data_key VALUES ('k3', 'wrapped-3')", "UPDATE t_key_state SET state = 'RETIRED'",
                "INSERT INTO t_key_state VALUES (2, 'NEW')");

        engine().restore(written.file(), List.of(keyTables), BackupProgress.NONE);

        assertThat(database.rows("SELECT id, wrapped FROM t_data_key ORDER BY id")).containsExactly(
                List.of("k1", "rewrapped-1"), List.of("k2", "wrapped-2"), List.of("k3", "wrapped-3"));
        assertThat(database.rows("SELECT id, state FROM t_key_state ORDER BY id"))
                .containsExactly(List.of(1, "ACTIVE"));
    }
}
