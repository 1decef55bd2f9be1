package org.bastion.crm.support.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * JDBC helpers for a bundle's repositories: instants as {@code TIMESTAMP WITH TIME ZONE} (JDBC 4.2 {@link OffsetDateTime}, so
 * the JVM's time zone never shifts them), nullable values, duplicate-key detection.
 */
public final class Sql {

    private Sql() {
    }

    /** Binds {@code instant} (or SQL NULL) as a {@code TIMESTAMP WITH TIME ZONE} in UTC. */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** The instant in {@code column}, or null. */
    public static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime timestamp = result.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Binds {@code value} (or SQL NULL) as a {@code BIGINT}. */
    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** The long in {@code column}, or null when it is SQL NULL. */
    public static Long nullableLong(ResultSet result, String column) throws SQLException {
        long value = result.getLong(column);
        return result.wasNull() ? null : value;
    }

    /** Whether the failure is an integrity constraint violation (SQL state class 23), such as a duplicate key. */
    public static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
