package org.bastion.crm.audit.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.audit.internal.AuditFixture;
import org.bastion.crm.audit.internal.chain.ListenerDispatch;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {

    private final AuditFixture audit = new AuditFixture();

    private static AuditEntry updated(String id) {
        return AuditEntry.success("contact.updated").target("contact", id).detail("version", 2).build();
    }

    @Test
    void anEntryRecordedInACommittedTransactionIsKept() throws Exception {
        audit.transactions.begin();
        audit.log.record(updated("c-1"));
        audit.transactions.commit();

        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE target_id = 'c-1'")).isEqualTo(1);
        assertThat(audit.afterCommit).hasSize(1);
    }

    @Test
    void anEntryRecordedInARolledBackTransactionLeavesNothing() throws Exception {
        audit.transactions.begin();
        audit.log.record(updated("c-2"));
        audit.transactions.rollback();

        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry")).isZero();
        assertThat(audit.chain()).isZero();
    }

    @Test
    void anEntryWithoutActorIsTheCurrentCallers() {
        audit.log.record(updated("c-3"));
        audit.chain();

        assertThat(audit.told).singleElement().satisfies(record -> {
            assertThat(record.actor()).isEqualTo(AuditFixture.ADA);
            assertThat(record.details()).containsEntry("version", "2");
            assertThat(record.sequence()).isEqualTo(1);
        });
    }

    @Test
    void anEntryWithItsOwnActorKeepsIt() {
        AuditActor typed = new AuditActor("anonymous", "mallory", "rest", "203.0.113.9");
        audit.log.record(AuditEntry.of("auth.login.failed", AuditOutcome.FAILURE).actor(typed).build());
        audit.chain();

        assertThat(audit.told.get(0).actor()).isEqualTo(typed);
        assertThat(audit.told.get(0).outcome()).isEqualTo(AuditOutcome.FAILURE);
    }

    @Test
    void personalValuesAreEncryptedUnderTheRecordKeyAndPlainOnesKept() throws Exception {
        RecordRef contact = new RecordRef("contact", "c-4");
        audit.cipher.createRecordKey(contact);
        audit.log.record(AuditEntry.success("contact.updated").target("contact", "c-4")
                .change(FieldChange.personal("lastName", "Lovelace", "Byron", contact))
                .change(FieldChange.plain("owner", "u-1", "u-2")).build());

        String changes = audit.string("SELECT changes FROM crm_audit_entry");
        assertThat(changes).doesNotContain("Lovelace", "Byron").contains("\"protection\":\"encrypted\"")
                .contains("\"old\":\"u-1\"").contains("\"record\":\"contact/c-4\"");
        var decoded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(changes);
        assertThat(audit.cipher.recordCipher(contact).decrypt("audit.lastName", decoded.get(0).get("new").asText()))
                .isEqualTo("Byron");
        assertThat(ListenerDispatch.changedFields(changes)).containsExactly("lastName", "owner");
    }

    @Test
    void personalValuesOfARecordWithoutKeyAreWithheldNeverStored() {
        RecordRef contact = new RecordRef("contact", "no-key");
        audit.log.record(AuditEntry.success("contact.updated")
                .change(FieldChange.personal("email", "old@example.org", "new@example.org", contact)).build());

        String changes = audit.string("SELECT changes FROM crm_audit_entry");
        assertThat(changes).isEqualTo(
                "[{\"field\":\"email\",\"protection\":\"withheld\",\"record\":\"contact/no-key\"}]");
    }

    @Test
    void aFullQueueMakesTheCallerWaitAndDropsNothing() throws Exception {
        audit.queue.setCapacity(3);
        AtomicInteger queued = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                audit.log.recordLater(AuditEntry.success("contact.read").target("contact", "r-" + i).build());
                queued.incrementAndGet();
            }
            done.countDown();
        });
        caller.start();
        long deadline = System.currentTimeMillis() + 5_000;
        while (audit.queue.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(done.await(200, TimeUnit.MILLISECONDS)).as("caller waits for room").isFalse();
        assertThat(queued.get()).isEqualTo(3);

        BatchWriter writer = new BatchWriter(audit.queue, audit.transactions, 20, () -> { });
        writer.start();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        writer.stop();

        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE action = 'contact.read'")).isEqualTo(10);
        assertThat(audit.log.backlog().queued()).isZero();
    }
}
