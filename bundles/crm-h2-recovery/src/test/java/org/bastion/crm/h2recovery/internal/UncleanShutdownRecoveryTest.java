package org.bastion.crm.h2recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanShutdownRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void h2sOwnOpenAfterACrashMissesCommitsItHadWritten() throws Exception {
        List<CrashLeftStore.Copy> copies = CrashLeftStore.commitAndCopy(dir, 40);

        long missed = copies.stream()
                .filter(copy -> !copy.commit().equals(CrashLeftStore.lastCommitSeen(copy.file())))
                .count();

        // the reason this bundle exists: if a new H2 finds every commit, this fails and the recovery can go
        assertThat(missed).as("copies whose newest commit H2's normal open does not find").isPositive();
    }

    @Test
    void everyCommitWrittenBeforeACrashIsThereAfterRecovery() throws Exception {
        List<CrashLeftStore.Copy> copies = CrashLeftStore.commitAndCopy(dir, 40);

        for (CrashLeftStore.Copy copy : copies) {
            assertThat(StoreHeader.read(copy.file()).closedCleanly()).isFalse();
            assertThat(UncleanShutdownRecovery.recoverIfNeeded(copy.file())).isTrue();

            assertThat(StoreHeader.read(copy.file()).closedCleanly()).isTrue();
            assertThat(CrashLeftStore.lastCommitSeen(copy.file())).isEqualTo(copy.commit());
        }
    }

    @Test
    void aCleanlyClosedFileIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("clean.mv.db");
        try (MVStore store = MVStore.open(file.toString())) {
            store.openMap("m").put(1, "one");
        }
        byte[] before = Files.readAllBytes(file);

        assertThat(UncleanShutdownRecovery.recoverIfNeeded(file)).isFalse();

        assertThat(StoreHeader.read(file).closedCleanly()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileIsRecoveredAtMostOncePerJvm() throws Exception {
        CrashLeftStore.Copy copy = CrashLeftStore.commitAndCopy(dir, 3).get(2);
        UncleanShutdownRecovery.recoverIfNeeded(copy.file());
        try (MVStore store = MVStore.open(copy.file().toString())) {
            store.<Integer, String>openMap(CrashLeftStore.MAP).put(CrashLeftStore.LAST_COMMIT_KEY, "later");
            store.commit();
            byte[] open = Files.readAllBytes(copy.file());

            // a datasource created again while the database is open must not open the file beside it
            assertThat(UncleanShutdownRecovery.recoverIfNeeded(copy.file())).isFalse();

            assertThat(Files.readAllBytes(copy.file())).isEqualTo(open);
        }
    }

    @Test
    void aMissingFileIsNoError() {
        assertThat(UncleanShutdownRecovery.recoverIfNeeded(dir.resolve("none.mv.db"))).isFalse();

        assertThat(dir.resolve("none.mv.db")).doesNotExist();
    }

    @Test
    void aFileCreatedAfterTheFirstDatasourceIsNeverOpenedBesideH2() throws Exception {
        Path file = dir.resolve("created-later").resolve("crm.mv.db");
        UncleanShutdownRecovery.recoverIfNeeded(file);
        Files.createDirectories(file.getParent());
        try (MVStore store = MVStore.open(file.toString())) {
            store.openMap("m").put(1, "one");
            store.commit();
            assertThat(StoreHeader.read(file).closedCleanly()).isFalse();

            assertThat(UncleanShutdownRecovery.recoverIfNeeded(file)).isFalse();
        }
    }
}
