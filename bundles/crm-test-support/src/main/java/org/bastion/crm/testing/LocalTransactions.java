package org.bastion.crm.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * {@link Transactions} with JDBC local transactions on a plain datasource, for unit tests on in-memory H2 only: it
 * commits and switches auto-commit by hand, which is wrong wherever a JTA transaction can exist; in the container a
 * bundle uses crm-jdbc-support's {@code JoiningTransactions}.
 */
public final class LocalTransactions implements Transactions {

    /** What runs when the write on this thread ends: told true on commit, false on rollback. */
    private static final ThreadLocal<List<Consumer<Boolean>>> COMPLETIONS = new ThreadLocal<>();

    private final DataSource dataSource;

    /** Whether a write of a LocalTransactions runs on this thread now. */
    public static boolean inTransaction() {
        return COMPLETIONS.get() != null;
    }

    /**
     * Tells {@code completion} whether the write running on this thread committed (true) or rolled back (false), as a
     * JTA synchronisation would; for fakes that join the caller's transaction (such as {@link RecordingAuditLog}).
     *
     * @throws IllegalStateException when no write runs on this thread
     */
    public static void afterCompletion(Consumer<Boolean> completion) {
        List<Consumer<Boolean>> completions = COMPLETIONS.get();
        if (completions == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        completions.add(completion);
    }

    public LocalTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        boolean outermost = COMPLETIONS.get() == null;
        if (outermost) {
            COMPLETIONS.set(new ArrayList<>());
        }
        boolean committed = false;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                committed = true;
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } finally {
            if (outermost) {
                List<Consumer<Boolean>> completions = COMPLETIONS.get();
                COMPLETIONS.remove();
                for (Consumer<Boolean> completion : completions) {
                    completion.accept(committed);
                }
            }
        }
    }
}
