package org.bastion.crm.audit.internal.chain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bastion.crm.support.jdbc.Transactions;

/**
 * Links committed unchained entries into the hash chain, one node at a time: in a transaction that holds the head row
 * ({@code SELECT ... FOR UPDATE} on {@code crm_audit_chain_head} id 1), it gives the unchained rows, in id order, the
 * next sequence numbers, the previous entry's hash and their own hash, moves the head, signs a checkpoint when one is
 * due, commits, and hands the linked rows on. It runs when nudged (after a commit) and every poll interval.
 */
public final class Chainer implements Runnable {

    /** The most rows linked in one transaction. */
    public static final int BATCH = 500;

    private static final System.Logger LOG = System.getLogger(Chainer.class.getName());

    private final Transactions transactions;
    private final Checkpointer checkpointer;
    private final Consumer<List<EntryRow>> linked;
    private final long pollMillis;
    private final Semaphore nudges = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean paused;
    /** Held by each round of the thread, so that {@link #pause()} returns once none runs. */
    private final Object rounds = new Object();
    private volatile long unchained;
    private volatile ChainHead lastHead = new ChainHead(0, EntryForm.GENESIS, 0, EntryForm.GENESIS);

    public Chainer(Transactions transactions, Checkpointer checkpointer, Consumer<List<EntryRow>> linked,
            long pollMillis) {
        this.transactions = transactions;
        this.checkpointer = checkpointer;
        this.linked = linked;
        this.pollMillis = pollMillis;
        this.thread = new Thread(this, "crm-audit-chainer");
        thread.setDaemon(true);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    /** Ends the thread (rows left unchained are linked by the next start or another node). */
    public void stop() {
        stopping = true;
        nudge();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a round soon (after a commit that added entries). */
    public void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    /**
     * Links what is committed now, then links nothing until {@link #resume()}; returns once no round runs. For a
     * restore, which replaces the entries and the head row under the chainer.
     */
    public void pause() {
        synchronized (rounds) {
            try {
                linkAll();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Audit: chaining before a pause failed (" + (e instanceof SQLException sql
                        ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName()) + ")");
            }
            paused = true;
        }
    }

    /** Reads the head row again (a restore replaced it) and links again. */
    public void resume() throws SQLException {
        synchronized (rounds) {
            lastHead = transactions.read(connection -> ChainStore.head(connection, false));
            unchained = 0;
            paused = false;
        }
        nudge();
    }

    /** Whether {@link #pause()} holds the chainer. */
    public boolean paused() {
        return paused;
    }

    /** Rows committed but not linked when last looked. */
    public long unchained() {
        return unchained;
    }

    /** The head as last seen. */
    public ChainHead lastHead() {
        return lastHead;
    }

    @Override
    public void run() {
        long pause = 0;
        while (!stopping) {
            try {
                nudges.tryAcquire(Math.max(pollMillis, pause), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
                if (!stopping) {
                    synchronized (rounds) {
                        if (!paused) {
                            linkAll();
                        }
                    }
                }
                pause = 0;
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                pause = Math.min(5_000, Math.max(200, pause * 2));
                LOG.log(System.Logger.Level.WARNING, "Audit: chaining failed (" + (e instanceof SQLException sql
                        ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName()) + "); retrying in "
                        + pause + " ms");
            }
        }
    }

    /** Links every committed unchained row now, in rounds of {@link #BATCH}; returns how many it linked. */
    public int linkAll() throws SQLException {
        int total = 0;
        while (true) {
            int count = round();
            total += count;
            if (count < BATCH) {
                return total;
            }
        }
    }

    private int round() throws SQLException {
        boolean work = transactions.read(connection -> {
            ChainHead head = ChainStore.head(connection, false);
            lastHead = head;
            return anyUnchained(connection) || checkpointer.due(connection, head);
        });
        if (!work) {
            unchained = 0;
            return 0;
        }
        List<EntryRow> rows = transactions.write(connection -> {
            ChainHead head = ChainStore.head(connection, true);
            List<EntryRow> links = new ArrayList<>();
            long sequence = head.sequence();
            String previous = head.hash();
            for (EntryRow row : ChainStore.unchained(connection, BATCH)) {
                EntryRow link = row.chained(++sequence, previous);
                links.add(link);
                previous = link.entryHash();
            }
            ChainHead newHead = head;
            if (!links.isEmpty()) {
                ChainStore.link(connection, links);
                newHead = new ChainHead(sequence, previous, head.archivedThrough(), head.archivedHash());
            }
            checkpointer.signIfDue(connection, newHead);
            lastHead = newHead;
            unchained = links.size() == BATCH ? ChainStore.countUnchained(connection) : 0;
            return links;
        });
        if (!rows.isEmpty()) {
            linked.accept(rows);
        }
        return rows.size();
    }

    private static boolean anyUnchained(java.sql.Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM crm_audit_entry WHERE sequence_no IS NULL FETCH FIRST 1 ROWS ONLY");
             ResultSet result = statement.executeQuery()) {
            return result.next();
        }
    }
}
