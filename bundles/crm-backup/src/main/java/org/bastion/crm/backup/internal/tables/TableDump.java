package org.bastion.crm.backup.internal.tables;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/** Writes one table of the snapshot's connection as a table part: its shape, then every row in primary-key order. */
public final class TableDump {

    /** Marks a row. */
    static final int ROW = 1;

    /** Marks the end of the rows (followed by their count). */
    static final int END = 0;

    private TableDump() {
    }

    /**
     * Writes {@code table} to {@code part}.
     *
     * @param rowDone told after each row
     * @return how many rows were written
     * @throws SQLException when the table cannot be read, has no primary key or a column of a type without a portable
     *                      form (the message names the table and column)
     */
    public static long write(Connection connection, String table, OutputStream part, LongConsumer rowDone)
            throws SQLException, IOException {
        String name = SqlNames.checked(table);
        Set<String> key = SqlNames.primaryKey(connection, name);
        if (key.isEmpty()) {
            throw new SQLException("table " + name + " has no primary key");
        }
        String order = key.stream().collect(Collectors.joining(", "));
        DataOutputStream out = new DataOutputStream(part);
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            try (ResultSet result = statement.executeQuery("SELECT * FROM " + name + " ORDER BY " + order)) {
                TableShape shape = shapeOf(name, result.getMetaData(), key);
                shape.writeTo(out);
                List<TableShape.Column> columns = shape.columns();
                while (result.next()) {
                    out.writeByte(ROW);
                    for (int i = 0; i < columns.size(); i++) {
                        ColumnType type = columns.get(i).type();
                        Object value = type.read(result, i + 1);
                        out.writeBoolean(value != null);
                        if (value != null) {
                            type.encode(out, value);
                        }
                    }
                    rows++;
                    rowDone.accept(rows);
                }
            }
        }
        out.writeByte(END);
        out.writeLong(rows);
        out.flush();
        return rows;
    }

    private static TableShape shapeOf(String table, ResultSetMetaData meta, Set<String> key) throws SQLException {
        List<TableShape.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
            ColumnType type = ColumnType.ofJdbc(meta.getColumnType(i), meta.getColumnTypeName(i));
            if (type == null) {
                throw new SQLException("column " + table + "." + column + " has the type " + meta.getColumnTypeName(i)
                        + ", which backups cannot carry portably");
            }
            columns.add(new TableShape.Column(SqlNames.checked(column), type, key.contains(column)));
        }
        return new TableShape(table, List.copyOf(columns));
    }
}
