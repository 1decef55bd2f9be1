package org.bastion.crm.security.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_session}; every method works on the connection it is given. */
public final class SessionRepository {

    private static final String COLUMNS = "id, token_hash, user_id, channel, address, user_agent, created_at,"
            + " last_seen_at, absolute_expires_at, enrolment_only";

    private SessionRepository() {
    }

    /** Stores a new session. */
    public static void insert(Connection connection, SessionRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_session (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.id());
            insert.setString(2, row.tokenHash());
            insert.setString(3, row.userId());
            insert.setString(4, row.channel());
            insert.setString(5, row.address());
            insert.setString(6, row.userAgent());
            Sql.setInstant(insert, 7, row.createdAt());
            Sql.setInstant(insert, 8, row.lastSeenAt());
            Sql.setInstant(insert, 9, row.absoluteExpiresAt());
            insert.setBoolean(10, row.enrolmentOnly());
            insert.executeUpdate();
        }
    }

    /** The session a token hash belongs to. */
    public static Optional<SessionRow> findByTokenHash(Connection connection, String tokenHash) throws SQLException {
        List<SessionRow> rows = select(connection, "token_hash = ?", tokenHash);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The session with {@code id}. */
    public static Optional<SessionRow> findById(Connection connection, String id) throws SQLException {
        List<SessionRow> rows = select(connection, "id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The sessions of a user, newest first. */
    public static List<SessionRow> ofUser(Connection connection, String userId) throws SQLException {
        return select(connection, "user_id = ?", userId);
    }

    /** Every session, newest first. */
    public static List<SessionRow> all(Connection connection) throws SQLException {
        return select(connection, null, null);
    }

    /** Records when a session was last used. */
    public static void updateLastSeen(Connection connection, String id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, id);
            Sql.setInstant(update, 3, at);
            update.executeUpdate();
        }
    }

    /** Deletes a session; whether it existed. */
    public static boolean delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_session WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the sessions that ended before {@code cutoff} by either limit; how many. */
    public static int deleteExpired(Connection connection, Instant now, Instant idleCutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_session WHERE absolute_expires_at <= ? OR last_seen_at <= ?")) {
            Sql.setInstant(delete, 1, now);
            Sql.setInstant(delete, 2, idleCutoff);
            return delete.executeUpdate();
        }
    }

    private static List<SessionRow> select(Connection connection, String where, String value) throws SQLException {
        List<SessionRow> rows = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM crm_session" + (where == null ? "" : " WHERE " + where)
                + " ORDER BY created_at DESC, id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (value != null) {
                select.setString(1, value);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new SessionRow(result.getString("id"), result.getString("token_hash"),
                            result.getString("user_id"), result.getString("channel"), result.getString("address"),
                            result.getString("user_agent"), Sql.instant(result, "created_at"),
                            Sql.instant(result, "last_seen_at"), Sql.instant(result, "absolute_expires_at"),
                            result.getBoolean("enrolment_only")));
                }
            }
        }
        return rows;
    }
}
