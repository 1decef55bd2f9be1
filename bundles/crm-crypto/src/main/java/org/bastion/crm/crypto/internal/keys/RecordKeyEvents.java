package org.bastion.crm.crypto.internal.keys;

/** What the record keys report: integrity failures, and record keys destroyed (after their transaction committed). */
public interface RecordKeyEvents extends IntegrityFailures {

    /** {@code count} record keys were destroyed and the destruction committed. */
    void destroyed(long count);
}
