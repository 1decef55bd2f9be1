package org.bastion.crm.security.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.support.jdbc.Sql;

/**
 * The SQL of {@code crm_login_lock} (keys are hex SHA-256, 64 characters); every method works on the connection it is
 * given.
 */
public final class LoginLockRepository {

    /** What a lock holds back. */
    public enum Kind {
        ACCOUNT, ADDRESS
    }

    /** A stored lock. */
    public record LoginLock(Kind kind, String key, int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private LoginLockRepository() {
    }

    /** Stores {@code lock}, replacing the one of the same kind and key. */
    public static void put(Connection connection, LoginLock lock) throws SQLException {
        delete(connection, lock.kind(), lock.key());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_login_lock"
                + " (kind, lock_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, lock.kind().name());
            insert.setString(2, lock.key());
            insert.setInt(3, lock.failures());
            Sql.setInstant(insert, 4, lock.lastFailureAt());
            Sql.setInstant(insert, 5, lock.lockedUntil());
            insert.executeUpdate();
        }
    }

    /** The stored locks of {@code account} and of {@code address} (ended ones included). */
    public static List<LoginLock> find(Connection connection, String account, String address) throws SQLException {
        List<LoginLock> locks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, lock_key, failures,"
                + " last_failure_at, locked_until FROM crm_login_lock"
                + " WHERE (kind = ? AND lock_key = ?) OR (kind = ? AND lock_key = ?)")) {
            select.setString(1, Kind.ACCOUNT.name());
            select.setString(2, account);
            select.setString(3, Kind.ADDRESS.name());
            select.setString(4, address);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    locks.add(new LoginLock(Kind.valueOf(result.getString("kind")), result.getString("lock_key"),
                            result.getInt("failures"), Sql.instant(result, "last_failure_at"),
                            Sql.instant(result, "locked_until")));
                }
            }
        }
        return locks;
    }

    /** Deletes the lock of {@code kind} and {@code key}; whether there was one. */
    public static boolean delete(Connection connection, Kind kind, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_login_lock WHERE kind = ? AND lock_key = ?")) {
            delete.setString(1, kind.name());
            delete.setString(2, key);
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the locks that ended before {@code cutoff}; how many. */
    public static int deleteEndedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_login_lock WHERE locked_until < ?")) {
            Sql.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
