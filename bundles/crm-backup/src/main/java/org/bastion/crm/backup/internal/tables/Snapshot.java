package org.bastion.crm.backup.internal.tables;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * One read-only transaction that sees every table as of one moment: SNAPSHOT isolation on H2, REPEATABLE READ READ
 * ONLY on PostgreSQL. Closing it ends the transaction and gives the connection back as it was.
 */
public final class Snapshot implements AutoCloseable {

    private final Connection connection;
    private final String database;
    private final int isolation;
    private final boolean readOnly;

    private Snapshot(Connection connection, String database, int isolation, boolean readOnly) {
        this.connection = connection;
        this.database = database;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    /**
     * Opens a snapshot on a connection of {@code dataSource} (outside any JTA transaction: a local, read-only one).
     *
     * @throws SQLException when the database refuses (the connection is closed again)
     */
    public static Snapshot open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            String database = databaseOf(connection);
            int isolation = connection.getTransactionIsolation();
            boolean readOnly = connection.isReadOnly();
            if (database.equals("h2")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            } else {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return new Snapshot(connection, database, isolation, readOnly);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** {@code h2} or {@code postgresql} (or the product name, lower-case, of another database). */
    public static String databaseOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.startsWith("h2") ? "h2" : product.startsWith("postgres") ? "postgresql" : product;
    }

    /** The snapshot's connection: read from it only. */
    public Connection connection() {
        return connection;
    }

    /** The database it reads: {@code h2} or {@code postgresql}. */
    public String database() {
        return database;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(isolation);
        } finally {
            connection.close();
        }
    }
}
