package org.bastion.crm.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCoordinatorTest {

    @TempDir
    Path directory;

    private BackupFixture fixture() {
        return new BackupFixture(directory);
    }

    @Test
    void takingABackupNeedsBackupsManageAndLeavesNoTraceWhenRefused() {
        BackupFixture f = fixture();
        f.caller = BackupFixture.SALES;
        assertThatThrownBy(() -> f.service.create("manual", BackupProgress.NONE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("backups:manage");
        f.caller = BackupFixture.ADMIN;
        assertThat(f.service.list()).isEmpty();
        assertThat(f.engine.backups).isZero();
    }

    @Test
    void aBackupIsCataloguedCompletedAuditedAndRewritesTheKeyBackup() {
        BackupFixture f = fixture();
        BackupInfo backup = f.service.create("manual", BackupProgress.NONE);

        assertThat(backup.state()).isEqualTo(Catalogue.COMPLETED);
        assertThat(backup.trigger()).isEqualTo("manual");
        assertThat(backup.fileName()).isEqualTo("crm-backup-" + backup.id() + ".cbk");
        assertThat(backup.rowCount()).isEqualTo(3);
        assertThat(backup.manifest().participants()).extracting(p -> p.name()).containsExactly("contacts");
        assertThat(f.service.list()).extracting(BackupInfo::id).containsExactly(backup.id());
        assertThat(f.engine.keyBackupsWritten).containsExactly(directory);
        AuditEntry created = f.auditLog.only(BackupAudit.CREATED);
        assertThat(created.target().id()).isEqualTo(backup.id().toString());
        assertThat(created.details()).containsEntry("trigger", "manual").containsEntry("keyBackup", "7 keys");
        assertThat(created.actor()).isNull();
    }

    @Test
    void theFirstBackupCreatesTheMissingBackupDirectory() {
        BackupFixture f = new BackupFixture(directory.resolve("data/backups"));
        BackupInfo backup = f.service.create("manual", BackupProgress.NONE);
        assertThat(directory.resolve("data/backups").resolve(backup.fileName())).exists();
    }

    @Test
    void aScheduledBackupRunsAsTheSystemWithoutACaller() {
        BackupFixture f = fixture();
        f.caller = org.bastion.crm.api.Caller.ANONYMOUS;
        BackupInfo backup = f.service.create("scheduled", BackupProgress.NONE);
        assertThat(backup.state()).isEqualTo(Catalogue.COMPLETED);
        assertThat(f.auditLog.only(BackupAudit.CREATED).actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void aFailedBackupIsCataloguedFailedAuditedAndAnsweredWithItsReason() {
        BackupFixture f = fixture();
        f.engine.failBackup = new BackupFailure(BackupFailure.Reason.STORAGE, "the disk is full");

        assertThatThrownBy(() -> f.service.create("manual", BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupProblem.Storage.class, p -> {
                    assertThat(p.code()).isEqualTo("backup-storage");
                    assertThat(p.getMessage()).isEqualTo("the disk is full");
                });
        BackupInfo failed = f.service.list().get(0);
        assertThat(failed.state()).isEqualTo(Catalogue.FAILED);
        assertThat(failed.error()).isEqualTo("the disk is full");
        assertThat(f.auditLog.only(BackupAudit.FAILED).details()).containsEntry("reason", "STORAGE");
        assertThat(f.engine.keyBackupsWritten).isEmpty();
    }

    @Test
    void onlyOneOperationRunsAtATimeAcrossNodes() {
        BackupFixture f = fixture();
        try (OperationLease.Held other = f.lease("node-b").acquire("restore")) {
            assertThatThrownBy(() -> f.service.create("manual", BackupProgress.NONE))
                    .isInstanceOfSatisfying(BackupProblem.Busy.class, p -> {
                        assertThat(p.code()).isEqualTo("backup-busy");
                        assertThat(p.getMessage()).contains("restore on node-b");
                    });
        }
        assertThat(f.service.create("manual", BackupProgress.NONE).state()).isEqualTo(Catalogue.COMPLETED);
    }

    @Test
    void aLeaseOfANodeThatDiedEndsAfterItsTimeToLive() {
        BackupFixture f = fixture();
        OperationLease dead = f.lease("node-b");
        dead.acquire("backup");
        dead.close(); // the node stops renewing without giving the lease back
        assertThatThrownBy(() -> f.service.create("manual", BackupProgress.NONE))
                .isInstanceOf(BackupProblem.Busy.class);
        f.clock.advance(OperationLease.TTL.plus(Duration.ofSeconds(1)));
        assertThat(f.service.create("manual", BackupProgress.NONE).state()).isEqualTo(Catalogue.COMPLETED);
    }

    @Test
    void readingTheCatalogueNeedsBackupsRead() {
        BackupFixture f = fixture();
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.caller = BackupFixture.SALES;
        assertThatThrownBy(f.service::list).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("backups:read");
        assertThatThrownBy(() -> f.service.get(id)).isInstanceOf(AccessDeniedException.class);
        f.caller = BackupFixture.OPERATOR;
        assertThat(f.service.get(id)).isPresent();
        assertThat(f.service.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aDamagedBackupIsMarkedWithThePartAndAudited() {
        BackupFixture f = fixture();
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.engine.failVerify = new BackupFailure(BackupFailure.Reason.DAMAGED, "a frame fails authentication",
                "contacts/crm_contact", null);

        assertThatThrownBy(() -> f.service.verify(id, BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupProblem.Unusable.class,
                        p -> assertThat(p.code()).isEqualTo("backup-damaged"));
        BackupInfo damaged = f.service.get(id).orElseThrow();
        assertThat(damaged.verifyState()).isEqualTo(Catalogue.DAMAGED);
        assertThat(damaged.verifyDetail()).contains("contacts/crm_contact");
        assertThat(f.auditLog.only(BackupAudit.VERIFY_FAILED).details()).containsEntry("part", "contacts/crm_contact");
    }

    @Test
    void eachBackupIsVerifiedRightAfterItIsWrittenButNotASafetyBackup() {
        BackupFixture f = fixture();
        f.service.verifyAfterBackup(true);

        BackupInfo backup = f.service.create("manual", BackupProgress.NONE);

        assertThat(backup.verifyState()).isEqualTo(Catalogue.VERIFIED);
        assertThat(f.auditLog.only(BackupAudit.VERIFIED).target().id()).isEqualTo(backup.id().toString());
        f.service.create("pre-restore", BackupProgress.NONE);
        assertThat(f.auditLog.only(BackupAudit.VERIFIED).target().id()).isEqualTo(backup.id().toString());
    }

    @Test
    void aSoundBackupIsMarkedVerifiedAndAudited() {
        BackupFixture f = fixture();
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        assertThat(f.service.verify(id, BackupProgress.NONE).verifyState()).isEqualTo(Catalogue.VERIFIED);
        assertThat(f.auditLog.only(BackupAudit.VERIFIED).target().id()).isEqualTo(id.toString());
    }

    @Test
    void verifyingNeedsBackupsManage() {
        BackupFixture f = fixture();
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.caller = BackupFixture.SALES;
        assertThatThrownBy(() -> f.service.verify(id, BackupProgress.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deletingRemovesTheFileKeepsTheRowAsDeletedAndAudits() throws Exception {
        BackupFixture f = fixture();
        BackupInfo backup = f.service.create("manual", BackupProgress.NONE);
        Path file = directory.resolve(backup.fileName());
        assertThat(file).exists();

        f.service.delete(backup.id());

        assertThat(file).doesNotExist();
        assertThat(f.service.get(backup.id()).orElseThrow().state()).isEqualTo(Catalogue.DELETED);
        assertThat(f.auditLog.only(BackupAudit.DELETED).target().id()).isEqualTo(backup.id().toString());
        assertThatThrownBy(() -> f.service.delete(backup.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.service.delete(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(Files.list(directory)).isEmpty();
    }

    @Test
    void deletingNeedsBackupsManage() {
        BackupFixture f = fixture();
        UUID id = f.service.create("manual", BackupProgress.NONE).id();
        f.caller = BackupFixture.SALES;
        assertThatThrownBy(() -> f.service.delete(id)).isInstanceOf(AccessDeniedException.class);
        f.caller = BackupFixture.ADMIN;
        assertThat(f.service.get(id).orElseThrow().state()).isEqualTo(Catalogue.COMPLETED);
    }
}
