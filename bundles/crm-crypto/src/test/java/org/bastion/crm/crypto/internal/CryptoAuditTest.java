package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.testing.RecordingAuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoAuditTest {

    @TempDir
    Path folder;

    private final RecordingAuditLog audit = new RecordingAuditLog();

    private CryptoFixture unlocked(CryptoFixture fixture) {
        fixture.events.auditLog = audit;
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "audit test passphrase");
        return fixture.start();
    }

    @Test
    void unlockingAndLockingTheKeysIsRecordedWithoutKeyMaterial() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        fixture.stop();
        fixture.events.locked("the operator locked the keys");

        assertThat(audit.only(AuditActions.KEY_UNLOCKED).target().id()).isEqualTo("master");
        assertThat(audit.only(AuditActions.KEY_LOCKED).details()).containsEntry("reason",
                "the operator locked the keys");
        assertThat(audit.all().toString()).doesNotContain("audit test passphrase");
    }

    @Test
    void aRotationIsRecordedWhenItStartsInItsTransactionAndWhenItFinishes() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.BACKUP);

        AuditEntry started = audit.only(AuditActions.KEY_ROTATION_STARTED);
        assertThat(audit.changes()).contains(started);
        assertThat(started.target().id()).isEqualTo(rotation.id().toString());
        assertThat(started.details()).containsEntry("purpose", "backup").containsEntry("fromVersion", "1")
                .containsEntry("toVersion", "2");
        AuditEntry finished = audit.only(AuditActions.KEY_ROTATION_FINISHED);
        assertThat(finished.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(audit.queued()).contains(finished);
    }

    @Test
    void whileATrailIsRequiredAndMissingNoRotationStarts() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        fixture.events.auditLog = null;
        fixture.events.auditPolicy = () -> true;

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.BACKUP))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(fixture.keyService().rotations()).isEmpty();
        assertThat(fixture.keyService().keys()).noneMatch(key -> key.id().equals("backup-v2"));
    }
}
