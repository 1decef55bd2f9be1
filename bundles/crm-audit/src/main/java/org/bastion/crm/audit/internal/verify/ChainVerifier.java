package org.bastion.crm.audit.internal.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.audit.internal.chain.ChainHead;
import org.bastion.crm.audit.internal.chain.ChainStore;
import org.bastion.crm.audit.internal.chain.Checkpoint;
import org.bastion.crm.audit.internal.chain.CheckpointStore;
import org.bastion.crm.audit.internal.chain.EntryForm;
import org.bastion.crm.audit.internal.chain.EntryRow;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * Walks the whole chain in sequence order, a page of {@value #PAGE} entries at a time (keyset paging, so memory stays
 * flat on any database), and stops at the first entry that was changed, removed, reordered or inserted: each entry
 * must carry the next sequence number, link to the previous entry's hash and match its own hash; every checkpoint
 * must sign the hash of its entry with a valid signature; the chain must end at the head row.
 */
public final class ChainVerifier {

    static final int PAGE = 5_000;

    private final Transactions transactions;

    public ChainVerifier(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Verifies the chain, telling {@code progress} how many entries were checked after each page. */
    public VerificationResult verify(SigningKeys keys, LongConsumer progress) throws SQLException {
        long started = System.nanoTime();
        // checkpoints before the head: a checkpoint is only made at or below the head, which never moves back
        TreeMap<Long, Checkpoint> checkpoints = transactions.read(ChainVerifier::checkpoints);
        ChainHead head = transactions.read(connection -> ChainStore.head(connection, false));
        SignatureCheck signatures = new SignatureCheck(keys);
        Walk walk = new Walk(head, checkpoints, signatures);
        long after = head.archivedThrough();
        while (walk.problem == null) {
            long from = after;
            List<EntryRow> page = transactions.read(connection -> page(connection, from, head.sequence()));
            // the hashes are independent of each other: computed on every core, then checked in order
            String[] hashes = page.parallelStream().map(EntryForm::hash).toArray(String[]::new);
            for (int i = 0; i < page.size(); i++) {
                if (!walk.check(page.get(i), hashes[i])) {
                    break;
                }
            }
            progress.accept(walk.entries);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        walk.finish(transactions.read(ChainVerifier::firstBeyondHead));
        return new VerificationResult(walk.problem == null, walk.entries, walk.signaturesChecked, head.sequence(),
                walk.failedAt, walk.problem, (System.nanoTime() - started) / 1_000_000);
    }

    private static TreeMap<Long, Checkpoint> checkpoints(Connection connection) throws SQLException {
        TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sequence_no, entry_hash, signed_at, key_version, signature FROM crm_audit_checkpoint");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Checkpoint checkpoint = CheckpointStore.checkpoint(result);
                checkpoints.put(checkpoint.sequence(), checkpoint);
            }
        }
        return checkpoints;
    }

    /** The lowest sequence number above the head as it is now (inserted behind the chainer's back), or null. */
    private static Long firstBeyondHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(sequence_no) FROM crm_audit_entry"
                + " WHERE sequence_no > (SELECT sequence_no FROM crm_audit_chain_head WHERE id = 1)");
             ResultSet result = statement.executeQuery()) {
            result.next();
            long sequence = result.getLong(1);
            return result.wasNull() ? null : sequence;
        }
    }

    private static List<EntryRow> page(Connection connection, long after, long through) throws SQLException {
        List<EntryRow> rows = new ArrayList<>(PAGE);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + ChainStore.COLUMNS
                + " FROM crm_audit_entry WHERE sequence_no > ? AND sequence_no <= ? ORDER BY sequence_no"
                + " FETCH FIRST " + PAGE + " ROWS ONLY")) {
            statement.setLong(1, after);
            statement.setLong(2, through);
            statement.setFetchSize(PAGE);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(ChainStore.row(result));
                }
            }
        }
        return rows;
    }

    /** The state of one walk along the chain. */
    private static final class Walk {
        private final ChainHead head;
        private final TreeMap<Long, Checkpoint> checkpoints;
        private final SignatureCheck signatures;
        private long expected;
        private String previousHash;
        long entries;
        long signaturesChecked;
        Long failedAt;
        String problem;

        Walk(ChainHead head, TreeMap<Long, Checkpoint> checkpoints, SignatureCheck signatures) {
            this.head = head;
            this.checkpoints = checkpoints;
            this.signatures = signatures;
            this.expected = head.archivedThrough() + 1;
            this.previousHash = head.archivedHash();
        }

        boolean check(EntryRow row, String computedHash) {
            long sequence = row.sequence();
            if (sequence != expected) {
                return fail(expected, "entry " + expected + " is missing (the next entry is " + sequence
                        + "): it was removed");
            }
            if (!computedHash.equals(row.entryHash())) {
                return fail(sequence, "entry " + sequence + " does not match its hash: it was changed, or moved"
                        + " here from another position");
            }
            if (!previousHash.equals(row.prevHash())) {
                return fail(sequence, "entry " + sequence + " does not link to entry " + (sequence - 1)
                        + ": an entry before it was removed, reordered or inserted");
            }
            Checkpoint checkpoint = checkpoints.get(sequence);
            if (checkpoint != null && !checkpoint(checkpoint, row)) {
                return false;
            }
            entries++;
            expected++;
            previousHash = row.entryHash();
            return true;
        }

        private boolean checkpoint(Checkpoint checkpoint, EntryRow row) {
            if (!checkpoint.entryHash().equals(row.entryHash())) {
                return fail(row.sequence(), "checkpoint " + row.sequence() + " signed another hash: entry "
                        + row.sequence() + " was replaced");
            }
            String wrong = signatures.problem(checkpoint);
            if (wrong != null) {
                return fail(row.sequence(), wrong);
            }
            signaturesChecked++;
            return true;
        }

        void finish(Long beyondHead) {
            if (problem != null) {
                return;
            }
            long last = expected - 1;
            if (last < head.sequence()) {
                fail(expected, "entry " + expected + " is missing: the chain ends at " + last + ", its head is at "
                        + head.sequence());
            } else if (beyondHead != null) {
                fail(beyondHead, "entry " + beyondHead + " lies beyond the chain head: it was inserted");
            } else if (!previousHash.equals(head.hash())) {
                fail(last, "the chain head does not hold the hash of entry " + last + ": the head was changed");
            } else if (!checkpoints.tailMap(last, false).isEmpty()) {
                long beyond = checkpoints.tailMap(last, false).firstKey();
                fail(beyond, "checkpoint " + beyond + " signs entry " + beyond + ", which is missing: entries after "
                        + last + " were removed");
            }
        }

        private boolean fail(long sequence, String what) {
            failedAt = sequence;
            problem = what;
            return false;
        }
    }
}
