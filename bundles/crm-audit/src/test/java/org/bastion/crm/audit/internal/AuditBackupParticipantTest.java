package org.bastion.crm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.audit.internal.backup.AuditBackupParticipant;
import org.bastion.crm.audit.internal.verify.ChainVerifier;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class AuditBackupParticipantTest {

    private final AuditFixture audit = new AuditFixture();
    private AuditTrail trail;
    private BackupParticipant participant;

    @SuppressWarnings("unchecked")
    private void start() throws Exception {
        BundleContext context = mock(BundleContext.class);
        when(context.registerService(eq(AuditLog.class), any(AuditLog.class), any()))
                .thenReturn(mock(ServiceRegistration.class));
        AuditConfig config = mock(AuditConfig.class);
        when(config.enabled()).thenReturn(true);
        when(config.queueCapacity()).thenReturn(100);
        when(config.batchIntervalMillis()).thenReturn(20L);
        when(config.checkpointEveryEntries()).thenReturn(1000L);
        when(config.checkpointEverySeconds()).thenReturn(3600L);
        AuditDatabase database = new AuditDatabase(audit.dataSource, audit.transactions, null, List.of());
        trail = new AuditTrail(context, database, config);
        participant = new AuditBackupParticipant(database, trail, List.of());
    }

    @AfterEach
    void stop() {
        if (trail != null) {
            trail.deactivate();
        }
    }

    @Test
    void theTrailIsBackedUpWithoutItsJobSchedule() throws Exception {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant withScripts = new AuditBackupParticipant(null, null,
                BackupParticipantChecks.scripts(AuditDatabase.SCRIPT_FOLDER));

        assertThat(withScripts.name()).isEqualTo("audit");
        assertThat(withScripts.tables()).containsExactly("crm_audit_entry", "crm_audit_checkpoint", "crm_audit_chain_head");
        assertThat(BackupParticipantChecks.problems(empty, withScripts, Set.of("crm_audit_job_schedule"))).isEmpty();
    }

    @Test
    void beforeARestoreQueuedEntriesAreWrittenAndChainedThenTheWriterAndChainerHold() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            trail.log().recordLater(AuditEntry.success("contact.read").target("contact", "c" + i).build());
        }

        participant.beforeRestore();

        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NOT NULL")).isEqualTo(3);
        assertThat(trail.chainer().paused()).isTrue();
        trail.log().recordLater(AuditEntry.success("contact.read").target("contact", "during").build());
        long until = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < until) {
            assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE target_id = 'during'")).isZero();
            Thread.onSpinWait();
        }
        assertThat(trail.log().backlog().queued()).isEqualTo(1);
    }

    @Test
    void afterARestoreNewEntriesGetFreshIdsAndChainOnTheRestoredHead() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            trail.log().record(AuditEntry.success("contact.read").target("contact", "kept" + i).build());
        }
        awaitTrue(() -> audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL") == 0);
        audit.sql("CREATE TABLE backup_entry AS SELECT * FROM crm_audit_entry");
        audit.sql("CREATE TABLE backup_head AS SELECT * FROM crm_audit_chain_head");
        trail.log().record(AuditEntry.success("contact.read").target("contact", "lost").build());
        awaitTrue(() -> audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL") == 0);

        participant.beforeRestore();
        trail.log().recordLater(AuditEntry.success("backup.restored").target("backup", "b1").build());
        audit.sql("DELETE FROM crm_audit_entry");
        audit.sql("INSERT INTO crm_audit_entry SELECT * FROM backup_entry");
        audit.sql("DELETE FROM crm_audit_chain_head");
        audit.sql("INSERT INTO crm_audit_chain_head SELECT * FROM backup_head");
        audit.sql("ALTER TABLE crm_audit_entry ALTER COLUMN id RESTART WITH 1");
        participant.afterRestore();
        trail.log().record(AuditEntry.success("contact.read").target("contact", "next").build());

        awaitTrue(() -> audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL") == 0
                && audit.count("SELECT COUNT(*) FROM crm_audit_entry") == 5);
        assertThat(audit.string("SELECT target_id FROM crm_audit_entry ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY"))
                .isIn("b1", "next");
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE target_id = 'lost'")).isZero();
        assertThat(audit.count("SELECT MAX(sequence_no) FROM crm_audit_entry")).isEqualTo(5);
        assertThat(new ChainVerifier(audit.transactions).verify(null, done -> { }).ok()).isTrue();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
