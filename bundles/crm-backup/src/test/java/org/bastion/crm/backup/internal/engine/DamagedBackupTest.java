package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.backup.internal.archive.ArchiveFiles;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DamagedBackupTest {

    @TempDir
    Path directory;

    private final EngineFixture fixture = new EngineFixture().withRows();
    private byte[] archive;
    private Path file;

    DamagedBackupTest() throws Exception {
    }

    @BeforeEach
    void backUpContactsThatSpanSeveralFrames() throws Exception {
        fixture.database.execute("INSERT INTO t_contact (id, company_id, name) SELECT X + 100, 1, REPEAT('n', 190)"
                + " FROM SYSTEM_RANGE(1, 3000)");
        file = fixture.engine().backup(directory, "manual", all(), BackupProgress.NONE).file();
        archive = Files.readAllBytes(file);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<BackupParticipant> all() {
        return List.of(fixture.people, fixture.kinds, fixture.keyTables);
    }

    private BackupFailure readFailure(byte[] bytes) throws Exception {
        Path damaged = directory.resolve("damaged.cbk");
        Files.write(damaged, bytes);
        return catchThrowableOfType(BackupFailure.class, () -> fixture.engine().read(damaged, BackupProgress.NONE));
    }

    @Test
    void oneChangedByteInAFrameNamesThePartItBelongsTo() throws Exception {
        ArchiveFrames.Frame frame = ArchiveFrames.of(archive).stream().filter(f -> f.part() == 2).skip(1).findFirst()
                .orElseThrow();
        byte[] bytes = archive.clone();
        bytes[frame.offset() + 20] ^= 0x01;

        BackupFailure failure = readFailure(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(failure.part()).isEqualTo("people/t_contact");
        assertThat(failure.getMessage()).contains("people/t_contact").contains("fails authentication");
    }

    @Test
    void aChangedOpeningFrameIsNamed() throws Exception {
        byte[] bytes = archive.clone();
        bytes[ArchiveFrames.firstOf(archive, 0).offset() + 12] ^= 0x40;

        assertThat(readFailure(bytes).part()).isEqualTo("the opening frame");
    }

    @Test
    void aChangedManifestIsNamed() throws Exception {
        List<ArchiveFrames.Frame> frames = ArchiveFrames.of(archive);
        byte[] bytes = archive.clone();
        bytes[frames.get(frames.size() - 1).offset() + 15] ^= 0x01;

        BackupFailure failure = readFailure(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(failure.part()).isEqualTo("the manifest");
    }

    @Test
    void swappedFramesAreFoundAndNamed() throws Exception {
        List<ArchiveFrames.Frame> contact = ArchiveFrames.of(archive).stream().filter(f -> f.part() == 2).toList();
        assertThat(contact).hasSizeGreaterThan(3);
        ArchiveFrames.Frame first = contact.get(1);
        ArchiveFrames.Frame second = contact.get(2);
        byte[] bytes = archive.clone();
        System.arraycopy(archive, second.offset(), bytes, first.offset(), second.length());
        System.arraycopy(archive, first.offset(), bytes, first.offset() + second.length(), first.length());

        BackupFailure failure = readFailure(bytes);

        assertThat(failure.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(failure.part()).isEqualTo("people/t_contact");
    }

    @Test
    void aFrameTakenOutIsFound() throws Exception {
        ArchiveFrames.Frame gone = ArchiveFrames.of(archive).stream().filter(f -> f.part() == 2).skip(1).findFirst()
                .orElseThrow();
        byte[] bytes = new byte[archive.length - gone.length()];
        System.arraycopy(archive, 0, bytes, 0, gone.offset());
        System.arraycopy(archive, gone.offset() + gone.length(), bytes, gone.offset(),
                archive.length - gone.offset() - gone.length());

        assertThat(readFailure(bytes).reason()).isEqualTo(Reason.DAMAGED);
    }

    @Test
    void aFileCutInTheMiddleIsTruncatedAndNamesWhereItEnds() throws Exception {
        ArchiveFrames.Frame frame = ArchiveFrames.of(archive).stream().filter(f -> f.part() == 2).skip(2).findFirst()
                .orElseThrow();

        BackupFailure failure = readFailure(Arrays.copyOf(archive, frame.offset() + 100));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure.part()).isEqualTo("people/t_contact");
    }

    @Test
    void aFileCutAtAFrameBoundaryBeforeTheManifestIsTruncated() throws Exception {
        List<ArchiveFrames.Frame> frames = ArchiveFrames.of(archive);

        BackupFailure failure = readFailure(Arrays.copyOf(archive, frames.get(frames.size() - 1).offset()));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure.part()).isEqualTo("keys/t_key_state");
    }

    @Test
    void bytesAfterTheFinalFrameAreFound() throws Exception {
        byte[] bytes = Arrays.copyOf(archive, archive.length + 10);

        assertThat(readFailure(bytes).reason()).isEqualTo(Reason.DAMAGED);
    }

    @Test
    void aFileThatIsNoBackupIsSaidToBeNone() throws Exception {
        assertThat(readFailure("PK\3\4 a zip file, not a backup".getBytes()).reason()).isEqualTo(Reason.NOT_A_BACKUP);
        assertThat(readFailure(new byte[0]).reason()).isEqualTo(Reason.NOT_A_BACKUP);
    }

    @Test
    void aNewerArchiveFormatIsRefused() throws Exception {
        byte[] bytes = archive.clone();
        bytes[9] = 2;

        assertThat(readFailure(bytes).reason()).isEqualTo(Reason.NEWER_VERSION);
    }

    @Test
    void aBackupSealedUnderAnotherKeystoreIsUnknownKey() {
        DefaultBackupEngine elsewhere = new DefaultBackupEngine(fixture.database.dataSource, new FakeBackupKeys(),
                fixture.recordKeys, TestDatabase.scratch(), ArchiveFiles.LOCAL, Clock.systemUTC(), "1.2.3");

        BackupFailure failure = catchThrowableOfType(BackupFailure.class,
                () -> elsewhere.read(file, BackupProgress.NONE));

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(failure.getMessage()).contains("lacks");
    }

    @Test
    void lockedKeysAreSaidToBeLockedAndNoFileIsWritten() throws Exception {
        fixture.keys.lock();
        Path other = Files.createDirectory(directory.resolve("other"));

        assertThatThrownBy(() -> fixture.engine().backup(other, "manual", all(), BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class, f -> assertThat(f.reason()).isEqualTo(Reason.KEYS_LOCKED));
        assertThatThrownBy(() -> fixture.engine().read(file, BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class, f -> assertThat(f.reason()).isEqualTo(Reason.KEYS_LOCKED));
        try (var files = Files.list(other)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDamagedBackupIsNeitherVerifiedNorRestoredAndTheDataStays() throws Exception {
        ArchiveFrames.Frame frame = ArchiveFrames.of(archive).stream().filter(f -> f.part() == 4).findFirst()
                .orElseThrow();
        byte[] bytes = archive.clone();
        bytes[frame.offset() + 12] ^= 0x01;
        Files.write(file, bytes);
        fixture.database.execute("DELETE FROM t_contact WHERE id > 3");

        assertThatThrownBy(() -> fixture.engine().verify(file, all(), BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class, f -> assertThat(f.part()).isEqualTo("kinds/t_entry"));
        assertThatThrownBy(() -> fixture.engine().restore(file, all(), BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class, f -> assertThat(f.reason()).isEqualTo(Reason.DAMAGED));
        assertThat(fixture.database.count("SELECT COUNT(*) FROM t_contact")).isEqualTo(3);
        assertThat(fixture.people.calls).isEmpty();
    }

    @Test
    void aBackupOfANewerSchemaIsRefusedBeforeAnythingChanges() {
        fixture.database.execute("DELETE FROM t_contact WHERE id > 3");
        TestParticipant olderCode = TestParticipant.peopleAtVersion1();

        assertThatThrownBy(() -> fixture.engine().restore(file, List.of(olderCode), BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(Reason.NEWER_VERSION);
                    assertThat(f.part()).isEqualTo("people");
                });
        assertThatThrownBy(() -> fixture.engine().verify(file, List.of(olderCode), BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(Reason.NEWER_VERSION));
        assertThat(fixture.database.count("SELECT COUNT(*) FROM t_contact")).isEqualTo(3);
        assertThat(olderCode.calls).isEmpty();
    }
}
