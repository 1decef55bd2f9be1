package org.bastion.crm.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestorerTest {

    @TempDir
    Path directory;

    @TempDir
    Path elsewhere;

    @Test
    void restoringNeedsBackupsRestoreEvenWithBackupsManage() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.caller = BackupFixture.OPERATOR;
        assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("backups:restore");
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.engine.restored).isEmpty();
        assertThat(f.engine.backups).isEqualTo(1);
    }

    @Test
    void aRestoreRunsInMaintenanceAfterASafetyBackupAndReopens() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        List<Boolean> maintenanceDuringRestore = new ArrayList<>();
        f.engine.duringRestore = file -> maintenanceDuringRestore.add(f.maintenance.state().active());

        BackupEngine.Restored restored = f.service.restore(id, BackupProgress.NONE);

        assertThat(restored.restoredParticipants()).containsExactly("contacts");
        assertThat(maintenanceDuringRestore).containsExactly(true);
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.contacts.calls).as("the engine calls the participants' hooks, not the service").isEmpty();
        BackupInfo safety = f.service.list().get(0).trigger().equals("pre-restore") ? f.service.list().get(0)
                : f.service.list().get(1);
        assertThat(safety.trigger()).isEqualTo("pre-restore");
        assertThat(safety.state()).isEqualTo(Catalogue.COMPLETED);
        AuditEntry entry = f.auditLog.only(BackupAudit.RESTORED);
        assertThat(entry.target().id()).isEqualTo(id.toString());
        assertThat(entry.details()).containsEntry("safetyBackup", safety.id().toString());
        assertThat(f.engine.keyBackupsWritten).as("the safety backup leaves the key backup alone").hasSize(1);
        assertThat(f.engine.keyBackupsRestored).as("the database has record keys").isEmpty();
    }

    @Test
    void aRestoreThatFailsWhileLoadingLeavesMaintenanceOnWithTheReasonAndTheSafetyBackup() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.engine.failRestore = new BackupFailure(BackupFailure.Reason.DATABASE, "the database refused a row",
                "contacts/t", null);

        assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupProblem.Unavailable.class, p -> {
                    assertThat(p.code()).isEqualTo("backup-database");
                    assertThat(p.problemHeaders()).containsKey("Retry-After");
                });

        Maintenance state = f.maintenance.state();
        assertThat(state.active()).isTrue();
        assertThat(state.restoreId()).isEqualTo(id.toString());
        String safetyId = f.auditLog.only(BackupAudit.RESTORE_FAILED).details().get("safetyBackup");
        assertThat(state.reason()).contains("the database refused a row").contains(safetyId)
                .contains("crm:backup-maintenance-end");
        assertThat(f.auditLog.only(BackupAudit.RESTORE_FAILED).details()).containsEntry("maintenance", "on")
                .containsEntry("part", "contacts/t");
    }

    @Test
    void aRestoreRefusedBeforeAnyChangeEndsMaintenance() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.engine.failRestore = new BackupFailure(BackupFailure.Reason.NEWER_VERSION, "written by version 9");

        assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupProblem.Unusable.class,
                        p -> assertThat(p.code()).isEqualTo("backup-newer-version"));
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.auditLog.only(BackupAudit.RESTORE_FAILED).details()).containsEntry("maintenance", "ended");
    }

    @Test
    void aFailedSafetyBackupChangesNothingAndEndsMaintenance() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.engine.failBackup = new BackupFailure(BackupFailure.Reason.STORAGE, "the disk is full");

        assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE)).isInstanceOf(BackupProblem.Storage.class);
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.engine.restored).isEmpty();
    }

    @Test
    void anUnknownBackupIsNotFoundAndARestoreWhileAnotherRunsIsBusy() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        assertThatThrownBy(() -> f.service.restore(UUID.randomUUID(), BackupProgress.NONE))
                .isInstanceOf(NotFoundException.class);
        try (OperationLease.Held other = f.lease("node-b").acquire("restore")) {
            assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE)).isInstanceOf(BackupProblem.Busy.class);
        }
        assertThat(f.maintenance.state().active()).isFalse();
    }

    @Test
    void aFileRestoredOntoAnEmptyDatabaseIsCataloguedAndItsKeyBackupPutBack() throws Exception {
        BackupFixture source = new BackupFixture(elsewhere);
        BackupInfo original = source.service.create("manual", BackupProgress.NONE);
        Path file = elsewhere.resolve(original.fileName());
        BackupFixture fresh = new BackupFixture(directory);
        fresh.keys.count = 0;

        fresh.service.restoreFile(file, BackupProgress.NONE);

        assertThat(fresh.engine.keyBackupsRestored).containsExactly(elsewhere);
        assertThat(directory.resolve(original.fileName())).exists();
        assertThat(Files.list(directory).filter(p -> p.toString().endsWith(".copying"))).isEmpty();
        BackupInfo catalogued = fresh.service.get(original.id()).orElseThrow();
        assertThat(catalogued.state()).isEqualTo(Catalogue.COMPLETED);
        assertThat(fresh.auditLog.only(BackupAudit.RESTORED).details()).containsEntry("recordKeysRestored", "7");
    }

    @Test
    void aFileThatIsNoBackupIsRefusedWithoutMaintenance() throws Exception {
        BackupFixture f = new BackupFixture(directory);
        Path junk = Files.writeString(elsewhere.resolve("junk.cbk"), "not a backup");
        assertThatThrownBy(() -> f.service.restoreFile(junk, BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupProblem.Unusable.class,
                        p -> assertThat(p.code()).isEqualTo("backup-not-a-backup"));
        assertThatThrownBy(() -> f.service.restoreFile(elsewhere.resolve("missing.cbk"), BackupProgress.NONE))
                .isInstanceOf(ValidationException.class);
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.engine.backups).isZero();
    }

    @Test
    void endingMaintenanceNeedsBackupsRestoreAndIsAudited() {
        BackupFixture f = new BackupFixture(directory);
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.engine.failRestore = new BackupFailure(BackupFailure.Reason.DOES_NOT_LOAD, "a row breaks the schema");
        assertThatThrownBy(() -> f.service.restore(id, BackupProgress.NONE)).isInstanceOf(BackupProblem.class);
        assertThat(f.maintenance.state().active()).isTrue();

        f.caller = BackupFixture.OPERATOR;
        assertThatThrownBy(f.maintenance::end).isInstanceOf(AccessDeniedException.class);
        f.caller = BackupFixture.ADMIN;
        assertThat(f.maintenance.end().reason()).contains("a row breaks the schema");
        assertThat(f.maintenance.state().active()).isFalse();
        assertThat(f.auditLog.only(BackupAudit.MAINTENANCE_ENDED).target().id()).isEqualTo(id.toString());
        assertThat(f.maintenance.end().active()).isFalse();
    }
}
