package org.bastion.crm.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.audit.internal.AuditFixture;
import org.junit.jupiter.api.Test;

class ChainerTest {

    private final AuditFixture audit = new AuditFixture();

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            audit.log.record(AuditEntry.success("contact.read").target("contact", "c-" + i).build());
        }
    }

    @Test
    void committedEntriesAreLinkedInOrderAfterTheHead() throws Exception {
        record(3);
        audit.transactions.begin();
        audit.log.record(AuditEntry.success("contact.created").target("contact", "pending").build());
        var otherThread = java.util.concurrent.CompletableFuture.supplyAsync(audit::chain);
        assertThat(otherThread.get()).as("the open transaction's entry is not linked yet").isEqualTo(3);
        audit.transactions.commit();
        assertThat(audit.chain()).isEqualTo(1);

        assertThat(audit.told).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(audit.string("SELECT prev_hash FROM crm_audit_entry WHERE sequence_no = 1"))
                .isEqualTo(EntryForm.GENESIS);
        assertThat(audit.string("SELECT prev_hash FROM crm_audit_entry WHERE sequence_no = 4")).isEqualTo(
                audit.string("SELECT entry_hash FROM crm_audit_entry WHERE sequence_no = 3"));
        assertThat(audit.string("SELECT entry_hash FROM crm_audit_chain_head")).isEqualTo(
                audit.string("SELECT entry_hash FROM crm_audit_entry WHERE sequence_no = 4"));
    }

    @Test
    void checkpointsWaitWhileSigningKeysAreAbsentOrLockedAndFollowLater() {
        audit.signingAvailable = false;
        record(2);
        audit.chain();
        assertThat(audit.checkpointer.state().waiting()).isTrue();
        assertThat(audit.checkpointer.state().detail()).contains("no audit-signing keys");
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_checkpoint")).isZero();

        audit.signingAvailable = true;
        audit.signing.locked(true);
        audit.clock.advance(Duration.ofSeconds(6));
        audit.chain();
        assertThat(audit.checkpointer.state().detail()).contains("locked");

        audit.signing.locked(false);
        audit.clock.advance(Duration.ofSeconds(6));
        audit.chain();
        assertThat(audit.checkpointer.state().waiting()).isFalse();
        assertThat(audit.count("SELECT MAX(sequence_no) FROM crm_audit_checkpoint")).isEqualTo(2);
    }

    @Test
    void aCheckpointFollowsEveryNEntriesOrTSeconds() {
        record(1);
        audit.chain();
        record(5);
        audit.chain();
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_checkpoint")).as("first at once, then 5 < 10").isEqualTo(1);
        audit.clock.advance(Duration.ofSeconds(61));
        audit.chain();
        assertThat(audit.count("SELECT MAX(sequence_no) FROM crm_audit_checkpoint")).isEqualTo(6);
        record(10);
        audit.chain();
        assertThat(audit.count("SELECT MAX(sequence_no) FROM crm_audit_checkpoint")).isEqualTo(16);
    }

    @Test
    void aListenerThatThrowsIsSkippedAndTheOthersAreTold() throws Exception {
        ListenerDispatch dispatch = new ListenerDispatch();
        List<Long> told = new CopyOnWriteArrayList<>();
        dispatch.add(record -> {
            throw new IllegalStateException("boom");
        });
        dispatch.add(record -> told.add(record.sequence()));
        Chainer chainer = new Chainer(audit.transactions, audit.checkpointer, dispatch::chained, 50);
        record(3);
        chainer.linkAll();
        dispatch.stop();

        assertThat(told).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theRunningChainerLinksWithinItsPollInterval() throws Exception {
        Chainer chainer = new Chainer(audit.transactions, audit.checkpointer, rows -> { }, 50);
        chainer.start();
        try {
            record(2);
            long deadline = System.currentTimeMillis() + 5_000;
            while (audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL") > 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL")).isZero();
        } finally {
            chainer.stop();
        }
    }
}
