package org.bastion.crm.audit.internal.write;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * The {@link AuditLog}: {@link #record} inserts the row in the caller's transaction (or its own when there is none)
 * and asks the chainer to look after that transaction ends; {@link #recordLater} queues the row (made on the calling
 * thread, so the actor is the caller) for the {@link BatchWriter}.
 */
public final class AuditLogService implements AuditLog {

    /** How an insert asks the chainer for a round once the transaction it joined has ended. */
    public interface AfterCommit {
        /** Runs {@code action} after the current transaction ends, or now when there is none. */
        void run(Runnable action);
    }

    private static final System.Logger LOG = System.getLogger(AuditLogService.class.getName());

    private final RowMaker rows;
    private final Transactions transactions;
    private final WriteQueue queue;
    private final AfterCommit afterCommit;
    private final Runnable nudge;
    private final LongSupplier unchained;
    private volatile BatchWriter closedWriter;

    public AuditLogService(RowMaker rows, Transactions transactions, WriteQueue queue, AfterCommit afterCommit,
            Runnable nudge, LongSupplier unchained) {
        this.rows = rows;
        this.transactions = transactions;
        this.queue = queue;
        this.afterCommit = afterCommit;
        this.nudge = nudge;
        this.unchained = unchained;
    }

    @Override
    public void record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        var row = rows.rowOf(entry);
        try {
            transactions.write(connection -> {
                EntryInserts.insert(connection, List.of(row));
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit: an entry of " + entry.action() + " could not be written ("
                    + BatchWriter.describe(e) + ")");
            throw new ServiceUnavailableException("The audit trail cannot record this change now; try again later.");
        }
        afterCommit.run(nudge);
    }

    @Override
    public void recordLater(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        var row = rows.rowOf(entry);
        try {
            queue.put(row);
            BatchWriter stopped = closedWriter;
            if (stopped != null) {
                stopped.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for room in the audit queue.");
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit: a queued entry of " + entry.action()
                    + " could not be written after the writer stopped (" + BatchWriter.describe(e) + ")");
            throw new ServiceUnavailableException("The audit trail cannot record this now; try again later.");
        }
    }

    /**
     * From now on an entry queued by a caller that still holds this log (the service is being withdrawn) is written
     * on the caller's thread through {@code writer}, whose thread is stopping: no late entry is left in the queue.
     */
    public void closeQueue(BatchWriter writer) {
        this.closedWriter = writer;
    }

    @Override
    public Backlog backlog() {
        return new Backlog(queue.size(), unchained.getAsLong());
    }
}
