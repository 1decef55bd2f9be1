package org.bastion.crm.support.jdbc;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.Migration;

/**
 * A bundle's tables, brought up to date on construction, and its way to run SQL on them: SQL failures surface as
 * {@link IllegalStateException} (a 500: the database, not the input, is at fault).
 */
public abstract class MigratedDatabase {

    private final String component;
    private final Transactions transactions;

    /**
     * Migrates {@code dataSource} with the {@code scripts} of {@code component} and works through {@code transactions}.
     *
     * @throws SQLException when a migration fails, which keeps the bundle's components down (SCR logs the cause)
     */
    protected MigratedDatabase(String component, DataSource dataSource, Transactions transactions,
            List<Migration> scripts) throws SQLException {
        this.component = component;
        this.transactions = transactions;
        BundleSchema.migrate(dataSource, component, scripts);
    }

    /** Runs read-only work in the caller's context. */
    public final <T> T read(SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in a transaction (the caller's, or a new one). */
    public final <T> T write(SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException(component + " database error (SQL state " + e.getSQLState() + ")", e);
    }
}
