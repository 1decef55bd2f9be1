package org.bastion.crm.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server acknowledged about one contact or company: its last acknowledged body (create or update), whether
 * its deletion was acknowledged, and the write in flight, if any, whose answer never came (it may or may not have
 * committed). Changed only by the one worker that owns the record.
 */
public final class RecordFacts {

    /** A write that was sent but not answered. */
    public enum Pending { NONE, UPDATE, DELETE }

    private final String kind;
    private final String id;
    private volatile JsonNode acked;
    private volatile int ackedRound;
    private volatile long ackedAtNanos;
    private volatile boolean deleted;
    private volatile boolean lost;
    private volatile Pending pending = Pending.NONE;
    private volatile JsonNode pendingBody;

    /** A record created with the acknowledged {@code body} in {@code round}. */
    public RecordFacts(String kind, JsonNode body, int round, long ackedAtNanos) {
        this.kind = kind;
        this.id = body.path("id").asText();
        acknowledge(body, round, ackedAtNanos);
    }

    /** {@code contact} or {@code company}. */
    public String kind() {
        return kind;
    }

    /** The record's id. */
    public String id() {
        return id;
    }

    /** The last acknowledged body. */
    public JsonNode acked() {
        return acked;
    }

    /** The round of the last acknowledged write. */
    public int ackedRound() {
        return ackedRound;
    }

    /** {@code System.nanoTime()} when the last acknowledgement arrived. */
    public long ackedAtNanos() {
        return ackedAtNanos;
    }

    /** Whether a check found it lost: reported once, then left out of later checks and writes. */
    public boolean lost() {
        return lost;
    }

    /** Marks it lost (see {@link #lost()}). */
    public void markLost() {
        lost = true;
    }

    /** Whether a DELETE of it was acknowledged. */
    public boolean deleted() {
        return deleted;
    }

    /** The unanswered write, if any. */
    public Pending pending() {
        return pending;
    }

    /** The body of an unanswered update (what was sent). */
    public JsonNode pendingBody() {
        return pendingBody;
    }

    /** The ETag the last acknowledged version has. */
    public String etag() {
        return "\"" + acked.path("version").asLong() + "\"";
    }

    /** Records an update about to be sent. */
    public void sending(Pending write, JsonNode body) {
        pendingBody = body;
        pending = write;
    }

    /** Records an acknowledged update. */
    public void acknowledge(JsonNode body, int round, long atNanos) {
        acked = body;
        ackedRound = round;
        ackedAtNanos = atNanos;
        pending = Pending.NONE;
        pendingBody = null;
    }

    /** Records an acknowledged delete. */
    public void acknowledgeDelete(int round, long atNanos) {
        deleted = true;
        ackedRound = round;
        ackedAtNanos = atNanos;
        pending = Pending.NONE;
    }

    /** Records a write refused with an answer (nothing changed: the acknowledged state stands). */
    public void refused() {
        pending = Pending.NONE;
        pendingBody = null;
    }

    /**
     * Settles a write whose answer never came, once the restarted server showed the record: {@code stored} is its body
     * now, or null when it is gone.
     */
    public void settle(JsonNode stored, int round, long atNanos) {
        if (stored == null && pending == Pending.DELETE) {
            acknowledgeDelete(round, atNanos);
        } else if (stored != null && pending == Pending.UPDATE && !stored.equals(acked)) {
            acknowledge(stored, round, atNanos);
        }
        refused();
    }
}
