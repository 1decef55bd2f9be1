package org.bastion.crm.audit.internal.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.SigningKeys;

/**
 * Signs a checkpoint of the chain head every {@code everyEntries} entries or {@code everySeconds} seconds (whichever
 * comes first, checked after each chaining round), with the audit-signing key through {@link SigningKeys}. While
 * there are no signing keys or they are locked, checkpoints wait (retried every 5 s) and {@link #state} says why.
 */
public final class Checkpointer {

    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(5);

    /** Where checkpoints stand, for health. */
    public record State(boolean waiting, String detail) {
    }

    private final Supplier<SigningKeys> signingKeys;
    private final Clock clock;
    private volatile long everyEntries;
    private volatile Duration every;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile State state = new State(false, "no entries to sign yet");

    public Checkpointer(Supplier<SigningKeys> signingKeys, Clock clock, long everyEntries, long everySeconds) {
        this.signingKeys = signingKeys;
        this.clock = clock;
        configure(everyEntries, everySeconds);
    }

    /** Changes how often checkpoints are signed. */
    public void configure(long entries, long seconds) {
        this.everyEntries = Math.max(1, entries);
        this.every = Duration.ofSeconds(Math.max(1, seconds));
    }

    /** Where checkpoints stand. */
    public State state() {
        return state;
    }

    /** Whether a checkpoint of {@code head} is due (read without the head lock). */
    public boolean due(Connection connection, ChainHead head) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        Optional<Checkpoint> last = CheckpointStore.latest(connection);
        long signedThrough = last.map(Checkpoint::sequence).orElse(0L);
        if (head.sequence() <= signedThrough) {
            if (!state.waiting()) {
                state = new State(false, last.isPresent() ? "signed through " + signedThrough : "no entries to sign yet");
            }
            return false;
        }
        Instant since = last.map(Checkpoint::signedAt).orElse(Instant.EPOCH);
        return head.sequence() - signedThrough >= everyEntries || !now.isBefore(since.plus(every));
    }

    /** Signs a checkpoint of {@code head} (which the caller holds locked) when one is due; true when it did. */
    public boolean signIfDue(Connection connection, ChainHead head) throws SQLException {
        if (head.sequence() == 0 || !due(connection, head)) {
            return false;
        }
        SigningKeys keys = signingKeys.get();
        if (keys == null) {
            return waiting("waiting: no audit-signing keys (crm-crypto's SigningKeys is not available)");
        }
        SigningKeys.Signature signature;
        try {
            signature = keys.sign(KeyPurpose.AUDIT_SIGNING, Checkpoint.message(head.sequence(), head.hash()));
        } catch (KeysLockedException e) {
            return waiting("waiting: the keys are locked");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit: signing a checkpoint failed: " + e.getClass().getSimpleName());
            return waiting("waiting: signing failed (" + e.getClass().getSimpleName() + ")");
        }
        Instant now = clock.instant();
        CheckpointStore.insert(connection, new Checkpoint(head.sequence(), head.hash(), now, signature.keyVersion(),
                Base64.getEncoder().encodeToString(signature.signature())));
        state = new State(false, "signed through " + head.sequence());
        return true;
    }

    private boolean waiting(String detail) {
        if (!detail.equals(state.detail())) {
            LOG.log(System.Logger.Level.INFO, "Audit: checkpoints " + detail);
        }
        state = new State(true, detail);
        nextAttempt = clock.instant().plus(RETRY);
        return false;
    }
}
