package org.bastion.crm.crypto.internal.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.DataKeys;

/**
 * Drives the blind-index participants: each moves a batch of its records to the new version per step (writing tokens
 * of every live version, so searches keep matching), until all of them report none left on an older version; then the
 * older versions are retired here and each participant forgets their tokens.
 */
final class BlindIndexRotationJob implements RotationJob {

    /** How long the second sweep of retired tokens waits for writes that began before the retirement. */
    static final long RETIRE_GRACE_MILLIS = 2000;


    private final Transactions transactions;
    private final DataKeys dataKeys;
    private final RotationParticipants participants;
    private final KeyRotation rotation;

    BlindIndexRotationJob(Transactions transactions, DataKeys dataKeys, RotationParticipants participants,
                          KeyRotation rotation) {
        this.transactions = transactions;
        this.dataKeys = dataKeys;
        this.participants = participants;
        this.rotation = rotation;
    }

    @Override
    public long step(int batchSize) throws Exception {
        int target = rotation.toVersion();
        long moved = 0;
        for (KeyRotationParticipant participant : participants.of(KeyPurpose.BLIND_INDEX)) {
            moved += participant.migrateBatch(target, batchSize);
        }
        if (moved > 0) {
            long progress = moved;
            transactions.inNewTransaction(connection -> {
                RotationRepository.addDone(connection, rotation.id(), progress);
                return null;
            });
            return moved;
        }
        StringJoiner stuck = new StringJoiner(", ");
        for (KeyRotationParticipant participant : participants.of(KeyPurpose.BLIND_INDEX)) {
            long left = participant.countOlderThan(target);
            if (left > 0) {
                stuck.add(participant.name() + " (" + left + ")");
            }
        }
        if (stuck.length() > 0) {
            throw new IllegalStateException("blind-index participants still have records on versions older than "
                    + target + " but migrate none: " + stuck);
        }
        return -1;
    }

    @Override
    public boolean complete() throws Exception {
        int target = rotation.toVersion();
        if (participants.countOlderThan(KeyPurpose.BLIND_INDEX, target) > 0) {
            return false;
        }
        List<Integer> retired = transactions.inNewTransaction(
                connection -> FieldRotationJob.retireOlder(connection, KeyPurpose.BLIND_INDEX, target));
        // searches stop asking for tokens of the retired versions before the participants drop them
        retired.forEach(version -> dataKeys.setState(KeyPurpose.BLIND_INDEX, version, KeyState.RETIRED));
        Set<Integer> forget = new TreeSet<>(retired);
        forget.add(rotation.fromVersion());   // already retired when a failed retire() is resumed; retire() is idempotent
        forget(forget);
        // a write that computed its tokens before the state change may commit after that sweep: sweep again once the
        // writes in flight have had time to finish (they are single short transactions)
        Thread.sleep(RETIRE_GRACE_MILLIS);
        forget(forget);
        transactions.inNewTransaction(connection -> {
            RotationRepository.setState(connection, rotation.id(), KeyRotation.State.COMPLETED, RotationRunner.now(), null);
            return null;
        });
        return true;
    }

    private void forget(Set<Integer> versions) {
        for (KeyRotationParticipant participant : participants.of(KeyPurpose.BLIND_INDEX)) {
            for (int version : versions) {
                participant.retire(version);
            }
        }
    }
}
