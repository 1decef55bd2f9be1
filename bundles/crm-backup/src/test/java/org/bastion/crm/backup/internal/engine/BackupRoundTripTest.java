package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRoundTripTest {

    @TempDir
    Path directory;

    private final EngineFixture fixture = new EngineFixture().withRows();

    BackupRoundTripTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<BackupParticipant> all() {
        return List.of(fixture.people, fixture.kinds, fixture.keyTables);
    }

    @Test
    void backupWritesOneCompleteFileWhoseManifestCountsEveryTable() throws Exception {
        List<Long> progress = new ArrayList<>();
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(),
                (step, done, total) -> progress.add(done));

        assertThat(written.file()).exists().hasParent(directory);
        assertThat(written.file().getFileName().toString()).startsWith("crm-backup-").endsWith(".cbk")
                .contains(written.manifest().id().toString());
        assertThat(written.sizeBytes()).isEqualTo(Files.size(written.file()));
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(written.file());
        }
        BackupManifest manifest = written.manifest();
        assertThat(manifest.productVersion()).isEqualTo("1.2.3");
        assertThat(manifest.database()).isEqualTo("h2");
        assertThat(manifest.trigger()).isEqualTo("manual");
        assertThat(manifest.participants()).extracting(BackupManifest.Participant::name)
                .containsExactly("people", "kinds", "keys");
        assertThat(manifest.participants().get(0).schemaVersion()).isEqualTo(2);
        assertThat(manifest.participants().get(0).tables()).extracting(BackupManifest.Table::part, BackupManifest.Table::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("people/t_company", 2L),
                        org.assertj.core.groups.Tuple.tuple("people/t_contact", 3L));
        assertThat(manifest.rowCount()).isEqualTo(2 + 3 + 2 + 2 + 1 + 1);
        assertThat(manifest.participants().get(0).tables().get(0).sha256()).hasSize(64);
        assertThat(progress).last().isEqualTo(manifest.rowCount());
    }

    @Test
    void readReturnsTheManifestWrittenAtTheEnd() {
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE);

        assertThat(fixture.engine().read(written.file(), BackupProgress.NONE)).isEqualTo(written.manifest());
    }

    @Test
    void theFileHoldsNoPlaintextValue() throws Exception {
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE);

        String bytes = new String(Files.readAllBytes(written.file()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Acme", "ada@acme.example", "t_contact", "people", "wrapped-1");
    }

    @Test
    void restorePutsBackEveryRowAndValueAsTheBackupHadThem() {
        List<List<Object>> kindsBefore = fixture.database.rows("SELECT * FROM t_kinds ORDER BY id");
        List<List<Object>> contactsBefore = fixture.database.rows("SELECT * FROM t_contact ORDER BY id");
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE);
        fixture.database.execute("DELETE FROM t_contact WHERE id = 3", "UPDATE t_contact SET name = 'changed'",
                "INSERT INTO t_contact (id, company_id, name) VALUES (9, 2, 'new')", "DELETE FROM t_kinds",
                "INSERT INTO t_entry (body) VALUES ('third')");

        BackupEngine.Restored restored = fixture.engine().restore(written.file(), all(), BackupProgress.NONE);

        assertThat(restored.restoredParticipants()).containsExactly("people", "kinds", "keys");
        assertThat(restored.skippedParticipants()).isEmpty();
        assertThat(restored.migratedParticipants()).isEmpty();
        assertThat(fixture.database.rows("SELECT * FROM t_contact ORDER BY id")).isEqualTo(contactsBefore);
        assertThat(fixture.database.rows("SELECT * FROM t_kinds ORDER BY id")).isEqualTo(kindsBefore);
        assertThat(fixture.database.rows("SELECT id, body FROM t_entry ORDER BY id"))
                .containsExactly(List.of(1L, "first"), List.of(2L, "second"));
        assertThat(fixture.people.calls).containsExactly("before", "after");
    }

    @Test
    void identityColumnsContinueAfterTheRestoredRows() {
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE);
        fixture.database.execute("DELETE FROM t_entry");
        fixture.engine().restore(written.file(), all(), BackupProgress.NONE);

        fixture.database.execute("INSERT INTO t_entry (body) VALUES ('after restore')");

        assertThat(fixture.database.count("SELECT MAX(id) FROM t_entry")).isEqualTo(3);
    }

    @Test
    void verifyLoadsTheBackupIntoAScratchDatabaseAndLeavesTheLiveOneAlone() {
        BackupEngine.Written written = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE);
        fixture.database.execute("INSERT INTO t_company (id, name) VALUES (5, 'after')");

        assertThat(fixture.engine().verify(written.file(), all(), BackupProgress.NONE)).isEqualTo(written.manifest());
        assertThat(fixture.database.count("SELECT COUNT(*) FROM t_company")).isEqualTo(3);
    }

    @Test
    void aParticipantNotInstalledIsSkippedAndOneAbsentFromTheBackupKeepsItsData() {
        BackupEngine.Written written = fixture.engine().backup(directory, "manual",
                List.of(fixture.people, fixture.kinds), BackupProgress.NONE);
        fixture.database.execute("DELETE FROM t_key_state", "DELETE FROM t_contact");

        BackupEngine.Restored restored = fixture.engine().restore(written.file(),
                List.of(fixture.people, fixture.keyTables), BackupProgress.NONE);

        assertThat(restored.restoredParticipants()).containsExactly("people");
        assertThat(restored.skippedParticipants()).containsExactly("kinds");
        assertThat(fixture.database.count("SELECT COUNT(*) FROM t_contact")).isEqualTo(3);
        assertThat(fixture.database.count("SELECT COUNT(*) FROM t_key_state")).isZero();
    }
}
