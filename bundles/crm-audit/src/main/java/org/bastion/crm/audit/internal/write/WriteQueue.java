package org.bastion.crm.audit.internal.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bastion.crm.audit.internal.chain.EntryRow;

/**
 * The bounded queue of rows recorded with {@code recordLater}: {@link #put} waits while it is full (the caller slows
 * down, nothing is dropped); the capacity can change while it runs (rows already queued stay).
 */
public final class WriteQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<EntryRow> rows = new ArrayDeque<>();
    private int capacity;

    public WriteQueue(int capacity) {
        setCapacity(capacity);
    }

    /** Changes the capacity; callers waiting for room are woken when it grew. */
    public void setCapacity(int newCapacity) {
        if (newCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        lock.lock();
        try {
            capacity = newCapacity;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code row}, waiting as long as it takes for room. */
    public void put(EntryRow row) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (rows.size() >= capacity) {
                notFull.await();
            }
            rows.addLast(row);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for a first row, then returns up to {@code max} rows without removing them
     * (the writer {@link #remove removes} them once written, so a failed write loses nothing); empty on timeout.
     */
    public List<EntryRow> peek(int max, long timeoutMillis) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (rows.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            List<EntryRow> batch = new ArrayList<>(Math.min(max, rows.size()));
            for (EntryRow row : rows) {
                if (batch.size() == max) {
                    break;
                }
                batch.add(row);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the first {@code count} rows (written). */
    public void remove(int count) {
        lock.lock();
        try {
            for (int i = 0; i < count && !rows.isEmpty(); i++) {
                rows.removeFirst();
            }
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many rows wait. */
    public int size() {
        lock.lock();
        try {
            return rows.size();
        } finally {
            lock.unlock();
        }
    }
}
