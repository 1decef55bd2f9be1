package org.bastion.crm.audit.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.audit.internal.AuditFixture;
import org.bastion.crm.audit.internal.chain.EntryForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final AuditFixture audit = new AuditFixture();
    private final ChainVerifier verifier = new ChainVerifier(audit.transactions);

    @BeforeEach
    void thirtyChainedEntries() {
        for (int i = 1; i <= 30; i++) {
            audit.log.record(AuditEntry.success("contact.read").target("contact", "c-" + i).detail("n", i).build());
            audit.clock.advance(Duration.ofMillis(5));
        }
        audit.chain();
    }

    private VerificationResult verify() throws Exception {
        return verifier.verify(audit.signing, done -> { });
    }

    @Test
    void anIntactChainVerifiesWithItsCheckpoints() throws Exception {
        AtomicLong progress = new AtomicLong();
        VerificationResult result = verifier.verify(audit.signing, progress::set);

        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(30);
        assertThat(result.checkpoints()).isEqualTo(1);
        assertThat(result.failedAt()).isNull();
        assertThat(progress.get()).isEqualTo(30);
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        audit.sql("UPDATE crm_audit_entry SET target_id = 'c-999' WHERE sequence_no = 17");

        VerificationResult result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.failedAt()).isEqualTo(17);
        assertThat(result.problem()).contains("entry 17 does not match its hash");
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        audit.sql("DELETE FROM crm_audit_entry WHERE sequence_no = 12");

        VerificationResult result = verify();
        assertThat(result.failedAt()).isEqualTo(12);
        assertThat(result.problem()).contains("entry 12 is missing");
    }

    @Test
    void twoSwappedEntriesAreFoundAtTheFirst() throws Exception {
        audit.sql("UPDATE crm_audit_entry SET sequence_no = -1 WHERE sequence_no = 8");
        audit.sql("UPDATE crm_audit_entry SET sequence_no = 8 WHERE sequence_no = 9");
        audit.sql("UPDATE crm_audit_entry SET sequence_no = 9 WHERE sequence_no = -1");

        VerificationResult result = verify();
        assertThat(result.failedAt()).isEqualTo(8);
    }

    @Test
    void anInsertedEntryIsNamedEvenWithAWellFormedHash() throws Exception {
        audit.sql("UPDATE crm_audit_entry SET sequence_no = sequence_no + 1000 WHERE sequence_no >= 20");
        audit.sql("UPDATE crm_audit_entry SET sequence_no = sequence_no - 999 WHERE sequence_no >= 1020");
        String previous = audit.string("SELECT entry_hash FROM crm_audit_entry WHERE sequence_no = 19");
        audit.sql("INSERT INTO crm_audit_entry (sequence_no, recorded_at, actor_id, actor_name, channel, address,"
                + " action, outcome, details, changes, prev_hash, entry_hash) VALUES (20, TIMESTAMP WITH TIME ZONE"
                + " '2026-12-01 10:00:00+00', 'u-x', 'x', 'rest', 'unknown', 'contact.read', 'success', '{}', '[]', '"
                + previous + "', '" + EntryForm.GENESIS + "')");

        VerificationResult result = verify();
        assertThat(result.failedAt()).isEqualTo(20);
    }

    @Test
    void theLastEntryMovedPastTheHeadIsMissingAtItsPlace() throws Exception {
        audit.sql("UPDATE crm_audit_entry SET sequence_no = 31 WHERE sequence_no = 30");

        VerificationResult result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.failedAt()).isEqualTo(30);
    }

    @Test
    void anEntryAddedBeyondTheHeadIsNamed() throws Exception {
        audit.sql("INSERT INTO crm_audit_entry (sequence_no, recorded_at, actor_id, actor_name, channel, address,"
                + " action, outcome, details, changes, prev_hash, entry_hash) VALUES (31, TIMESTAMP WITH TIME ZONE"
                + " '2026-12-01 10:00:00+00', 'u-x', 'x', 'rest', 'unknown', 'contact.read', 'success', '{}', '[]', '"
                + EntryForm.GENESIS + "', '" + EntryForm.GENESIS + "')");

        VerificationResult result = verify();
        assertThat(result.failedAt()).isEqualTo(31);
        assertThat(result.problem()).contains("beyond the chain head");
    }

    @Test
    void aTruncatedTailWithAMovedHeadIsFoundThroughTheCheckpoint() throws Exception {
        String hash25 = audit.string("SELECT entry_hash FROM crm_audit_entry WHERE sequence_no = 5");
        audit.sql("DELETE FROM crm_audit_entry WHERE sequence_no > 5");
        audit.sql("UPDATE crm_audit_chain_head SET sequence_no = 5, entry_hash = '" + hash25 + "'");

        VerificationResult result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.failedAt()).isEqualTo(30);
        assertThat(result.problem()).contains("checkpoint 30");
    }

    @Test
    void aForgedCheckpointSignatureIsNamed() throws Exception {
        audit.sql("UPDATE crm_audit_checkpoint SET signature = '"
                + java.util.Base64.getEncoder().encodeToString(new byte[64]) + "'");

        VerificationResult result = verify();
        assertThat(result.failedAt()).isEqualTo(30);
        assertThat(result.problem()).contains("signature of checkpoint 30 is not valid");
    }
}
