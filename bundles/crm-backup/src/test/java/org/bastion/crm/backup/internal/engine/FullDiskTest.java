package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bastion.crm.backup.internal.archive.ArchiveFiles;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullDiskTest {

    @TempDir
    Path directory;

    private final EngineFixture fixture = new EngineFixture().withRows();

    FullDiskTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Local files whose disk fills after {@code room} bytes. */
    private static ArchiveFiles fillingAfter(long room) {
        return file -> {
            ArchiveFiles.Target target = ArchiveFiles.LOCAL.create(file);
            AtomicLong written = new AtomicLong();
            OutputStream limited = new FilterOutputStream(target.stream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (written.addAndGet(length) > room) {
                        throw new IOException("No space left on device");
                    }
                    out.write(bytes, offset, length);
                }
            };
            return new ArchiveFiles.Target() {
                @Override
                public OutputStream stream() {
                    return limited;
                }

                @Override
                public void sync() throws IOException {
                    target.sync();
                }

                @Override
                public void close() throws IOException {
                    target.close();
                }
            };
        };
    }

    @Test
    void aDiskThatFillsMidWriteLeavesNoPartialFileAndTheOlderBackupsAlone() throws Exception {
        List<TestParticipant> participants = List.of(fixture.people, fixture.kinds, fixture.keyTables);
        BackupEngine.Written older = fixture.engine().backup(directory, "scheduled", List.copyOf(participants),
                BackupProgress.NONE);
        byte[] olderBytes = Files.readAllBytes(older.file());
        fixture.database.execute("INSERT INTO t_contact (id, company_id, name) SELECT X + 100, 1, REPEAT('n', 190)"
                + " FROM SYSTEM_RANGE(1, 5000)");

        BackupFailure failure = catchThrowableOfType(BackupFailure.class, () -> fixture.engine(fillingAfter(300_000))
                .backup(directory, "manual", List.copyOf(participants), BackupProgress.NONE));

        assertThat(failure.reason()).isEqualTo(Reason.STORAGE);
        assertThat(failure.getMessage()).contains("No space left on device");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(older.file());
        }
        assertThat(Files.readAllBytes(older.file())).isEqualTo(olderBytes);
        assertThat(fixture.engine().read(older.file(), BackupProgress.NONE)).isEqualTo(older.manifest());
    }

    @Test
    void aMissingDirectoryIsAStorageFailure() {
        BackupFailure failure = catchThrowableOfType(BackupFailure.class, () -> fixture.engine()
                .backup(directory.resolve("missing"), "manual", List.of(fixture.people), BackupProgress.NONE));

        assertThat(failure.reason()).isEqualTo(Reason.STORAGE);
    }

    @Test
    void aTableThatCannotBeReadNamesItsPartAndLeavesNoFile() throws Exception {
        TestParticipant broken = new TestParticipant("broken", List.of("t_missing"), List.of(), java.util.Set.of());

        BackupFailure failure = catchThrowableOfType(BackupFailure.class, () -> fixture.engine()
                .backup(directory, "manual", List.of(fixture.people, broken), BackupProgress.NONE));

        assertThat(failure.reason()).isEqualTo(Reason.DATABASE);
        assertThat(failure.part()).isEqualTo("broken/t_missing");
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
