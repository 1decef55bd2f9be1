package org.bastion.crm.backup.internal.tables;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Loads a table part into a table of the same name on any supported database: inserts every row (batched) or, for a
 * merged table, only rows whose primary key is absent. Runs in the caller's transaction.
 */
public final class TableLoader {

    private static final int BATCH = 500;

    private TableLoader() {
    }

    /**
     * Inserts the rows of {@code part} into its table.
     *
     * @param merge   insert only rows whose primary key does not exist yet, keep the current rows
     * @param rowDone told after each row
     * @return how many rows were inserted
     */
    public static long load(Connection connection, TableRows part, boolean merge, LongConsumer rowDone)
            throws SQLException, IOException {
        TableShape shape = part.shape();
        String table = SqlNames.checked(shape.table());
        List<TableShape.Column> columns = shape.columns();
        String names = columns.stream().map(c -> SqlNames.checked(c.name())).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<TableShape.Column> key = shape.primaryKey();
        String keyMatch = key.stream().map(c -> SqlNames.checked(c.name()) + " = ?")
                .collect(Collectors.joining(" AND "));
        long inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
             PreparedStatement exists = merge ? connection.prepareStatement(
                     "SELECT 1 FROM " + table + " WHERE " + keyMatch) : null) {
            int pending = 0;
            for (Object[] row = part.next(); row != null; row = part.next()) {
                if (exists != null && present(exists, columns, key, row)) {
                    continue;
                }
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).type().bind(insert, i + 1, row[i]);
                }
                insert.addBatch();
                inserted++;
                rowDone.accept(part.rows());
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return inserted;
    }

    /** Moves the identity columns of {@code table} past the highest value loaded (a DDL statement: commits on H2). */
    public static void restartIdentities(Connection connection, String table) throws SQLException {
        String name = SqlNames.checked(table);
        for (String column : SqlNames.identityColumns(connection, name)) {
            long next;
            try (Statement statement = connection.createStatement();
                 ResultSet max = statement.executeQuery("SELECT MAX(" + SqlNames.checked(column) + ") FROM " + name)) {
                max.next();
                next = max.getLong(1) + 1;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + name + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }

    private static boolean present(PreparedStatement exists, List<TableShape.Column> columns,
            List<TableShape.Column> key, Object[] row) throws SQLException {
        for (int k = 0; k < key.size(); k++) {
            TableShape.Column column = key.get(k);
            column.type().bind(exists, k + 1, row[columns.indexOf(column)]);
        }
        try (ResultSet result = exists.executeQuery()) {
            return result.next();
        }
    }
}
