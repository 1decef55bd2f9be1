package org.bastion.crm.audit.internal.write;

import java.sql.SQLException;
import java.util.List;

import org.bastion.crm.audit.internal.chain.EntryRow;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * The thread that writes the {@link WriteQueue} in batches: it waits at most the batch interval for rows, writes up
 * to {@code batchSize} of them in one transaction of its own, and only then removes them from the queue. A failed
 * write is retried (after a pause growing to 5 s) with the same rows: nothing is dropped. Stopping writes what is
 * queued, for up to 10 s.
 */
public final class BatchWriter implements Runnable {

    private static final System.Logger LOG = System.getLogger(BatchWriter.class.getName());
    private static final int BATCH_SIZE = 500;

    private final WriteQueue queue;
    private final Transactions transactions;
    private final Runnable written;
    private final Thread thread;
    private volatile long intervalMillis;
    private volatile boolean stopping;
    private volatile boolean paused;

    /** A writer of {@code queue} through {@code transactions}, calling {@code written} after each batch. */
    public BatchWriter(WriteQueue queue, Transactions transactions, long intervalMillis, Runnable written) {
        this.queue = queue;
        this.transactions = transactions;
        this.intervalMillis = intervalMillis;
        this.written = written;
        this.thread = new Thread(this, "crm-audit-writer");
        thread.setDaemon(true);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    /** Changes the longest wait between a queued row and its write. */
    public void setIntervalMillis(long millis) {
        this.intervalMillis = millis;
    }

    /** Writes what is queued (up to 10 s) and ends the thread. */
    public void stop() {
        stopping = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.log(System.Logger.Level.WARNING, "Audit: " + queue.size()
                    + " queued entries were not written before the writer stopped");
        }
    }

    @Override
    public void run() {
        long pause = 100;
        while (!stopping || queue.size() > 0) {
            try {
                if (queue.peek(1, stopping ? 0 : intervalMillis).isEmpty()) {
                    continue;
                }
                if (writeBatchUnlessPaused() < 0 && !sleep(intervalMillis)) {
                    return;
                }
                pause = 100;
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Audit: writing " + queue.size()
                        + " queued entries failed (" + describe(e) + "); retrying in " + pause + " ms");
                if (!sleep(pause)) {
                    return;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    /**
     * Writes up to one batch of queued rows now, in a transaction of its own, and only then removes them from the
     * queue; one batch at a time (the writer thread and {@link #flush} never write the same rows twice).
     *
     * @return how many rows it wrote
     */
    public synchronized int writeBatch() throws SQLException, InterruptedException {
        List<EntryRow> batch = queue.peek(BATCH_SIZE, 0);
        if (batch.isEmpty()) {
            return 0;
        }
        transactions.write(connection -> {
            EntryInserts.insert(connection, batch);
            return null;
        });
        queue.remove(batch.size());
        written.run();
        return batch.size();
    }

    /**
     * Writes what is queued now, then stops writing (entries recorded meanwhile stay queued) until {@link #resume()};
     * returns once no batch is being written. For a restore, which replaces the table under the writer.
     */
    public void pause() throws SQLException, InterruptedException {
        synchronized (this) {
            paused = true;
        }
        flush();
    }

    /** Writes again after {@link #pause()}. */
    public void resume() {
        paused = false;
    }

    /** Whether {@link #pause()} holds the writer. */
    public boolean paused() {
        return paused;
    }

    /** Like {@link #writeBatch()} while not paused; -1 when paused (stopping writes anyway). */
    private synchronized int writeBatchUnlessPaused() throws SQLException, InterruptedException {
        return paused && !stopping ? -1 : writeBatch();
    }

    /** Writes everything queued on the calling thread (after the writer stopped: nothing queued is left behind). */
    public void flush() throws SQLException, InterruptedException {
        while (writeBatch() > 0) {
            // next batch
        }
    }

    /** The failure without its message, which may quote a value. */
    static String describe(Exception e) {
        return e instanceof SQLException sql ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
