package org.bastion.crm.itests.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write the server acknowledged during the crash suite, across rounds, with what each acknowledgement said;
 * the workers add to it concurrently, {@link AfterCrashChecks} compares it with what the restarted server holds.
 */
public final class Ledger {

    private final Queue<RecordFacts> contacts = new ConcurrentLinkedQueue<>();
    private final Queue<RecordFacts> companies = new ConcurrentLinkedQueue<>();
    private final Queue<UserFacts> users = new ConcurrentLinkedQueue<>();
    private final Queue<SessionFacts> sessions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger securityAcknowledged = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger unansweredCreates = new AtomicInteger();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private volatile int round;

    /** Starts counting the writes of {@code newRound}. */
    public void beginRound(int newRound) {
        round = newRound;
        acknowledged.set(0);
        securityAcknowledged.set(0);
        unanswered.set(0);
        unansweredCreates.set(0);
    }

    /** The round running now. */
    public int round() {
        return round;
    }

    /** Counts an acknowledged write of this round. */
    public void acknowledged() {
        acknowledged.incrementAndGet();
    }

    /** Counts an acknowledged security write (user, login, logout, revocation, password change) of this round. */
    public void securityAcknowledged() {
        securityAcknowledged.incrementAndGet();
        acknowledged.incrementAndGet();
    }

    /** Counts a write of this round whose answer never came; {@code create}: a create (its id is unknown). */
    public void unanswered(boolean create) {
        unanswered.incrementAndGet();
        if (create) {
            unansweredCreates.incrementAndGet();
        }
    }

    /** Records an answer no write should get while the server runs (a 5xx, a 409 on an unshared record...). */
    public void unexpected(String what) {
        unexpected.add("round " + round + ": " + what);
    }

    /** Acknowledged writes of this round. */
    public int acknowledgedCount() {
        return acknowledged.get();
    }

    /** Acknowledged security writes of this round. */
    public int securityCount() {
        return securityAcknowledged.get();
    }

    /** Writes of this round whose answer never came. */
    public int unansweredCount() {
        return unanswered.get();
    }

    /** Creates of this round whose answer never came. */
    public int unansweredCreateCount() {
        return unansweredCreates.get();
    }

    /** Unexpected answers so far (and forgets them). */
    public List<String> takeUnexpected() {
        List<String> result = new ArrayList<>();
        for (String line; (line = unexpected.poll()) != null; ) {
            result.add(line);
        }
        return result;
    }

    /** Adds an acknowledged contact. */
    public void add(RecordFacts facts) {
        ("company".equals(facts.kind()) ? companies : contacts).add(facts);
    }

    /** Adds an acknowledged user. */
    public void add(UserFacts facts) {
        users.add(facts);
    }

    /** Adds an acknowledged login. */
    public void add(SessionFacts facts) {
        sessions.add(facts);
    }

    /** Every acknowledged contact. */
    public List<RecordFacts> contacts() {
        return List.copyOf(contacts);
    }

    /** Every acknowledged company. */
    public List<RecordFacts> companies() {
        return List.copyOf(companies);
    }

    /** Every acknowledged user. */
    public List<UserFacts> users() {
        return List.copyOf(users);
    }

    /** Every acknowledged session. */
    public List<SessionFacts> sessions() {
        return List.copyOf(sessions);
    }
}
