package org.bastion.crm.contacts.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs one select on a plain JDBC connection, its values bound in order, and returns every row as an array. */
final class JdbcRows {

    private JdbcRows() {
    }

    /** Runs {@code sql} with one value bound per {@code ?}; dates and timestamps come back as java.time. */
    static List<Object[]> query(Connection connection, String sql, Collection<?> values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 1;
            for (Object value : values) {
                statement.setObject(position++, value);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                int[] types = new int[meta.getColumnCount()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = meta.getColumnType(i + 1);
                }
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        row[i] = javaTime(result, i + 1, types[i]);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts: " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql}, its {@code %s} replaced by one placeholder per id, with the ids bound. */
    static List<Object[]> in(Connection connection, String sql, Collection<String> ids) {
        return query(connection, String.format(sql, ChildRows.placeholders(ids.size())), ids);
    }

    private static Object javaTime(ResultSet result, int column, int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.DATE -> result.getObject(column, LocalDate.class);
            case Types.TIMESTAMP -> result.getObject(column, LocalDateTime.class);
            default -> result.getObject(column);
        };
    }
}
