package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyRotation.State;

/** The SQL of {@code crm_key_rotation}; every method works on the connection it is given. */
public final class RotationRepository {

    /** The longest error text stored. */
    public static final int MAX_ERROR = 500;

    private static final String COLUMNS =
            "id, purpose, from_version, to_version, state, total, done, started_at, finished_at, error";

    private RotationRepository() {
    }

    /**
     * Stores a new rotation; a RUNNING one claims its purpose in {@code running_purpose}, whose unique index refuses
     * a second RUNNING rotation of the same purpose (SQLState 23xxx), whichever node inserts it.
     */
    public static void insert(Connection connection, KeyRotation rotation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_key_rotation (" + COLUMNS
                + ", running_purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, rotation.id().toString());
            insert.setString(2, rotation.purpose().name());
            insert.setInt(3, rotation.fromVersion());
            insert.setInt(4, rotation.toVersion());
            insert.setString(5, rotation.state().name());
            insert.setLong(6, rotation.total());
            insert.setLong(7, rotation.done());
            insert.setTimestamp(8, Timestamp.from(rotation.startedAt()));
            insert.setTimestamp(9, rotation.finishedAt() == null ? null : Timestamp.from(rotation.finishedAt()));
            insert.setString(10, truncate(rotation.error()));
            insert.setString(11, rotation.state() == State.RUNNING ? rotation.purpose().name() : null);
            insert.executeUpdate();
        }
    }

    /**
     * Adds {@code moved} to the progress of a rotation, raising its total when more items moved than were counted at
     * the start (records written under the old version in the moment before the new one took over).
     */
    public static void addDone(Connection connection, UUID id, long moved) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_key_rotation SET done = done + ?,"
                + " total = CASE WHEN done + ? > total THEN done + ? ELSE total END WHERE id = ?")) {
            update.setLong(1, moved);
            update.setLong(2, moved);
            update.setLong(3, moved);
            update.setString(4, id.toString());
            update.executeUpdate();
        }
    }

    /**
     * Ends a rotation as completed or failed (with {@code error}), releasing its purpose, or sets it running again
     * (times and error cleared), claiming it.
     */
    public static void setState(Connection connection, UUID id, State state, Instant finishedAt, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_key_rotation SET state = ?, finished_at = ?, error = ?,"
                        + " running_purpose = CASE WHEN CAST(? AS VARCHAR(10)) = 'RUNNING' THEN purpose ELSE NULL END WHERE id = ?")) {
            update.setString(1, state.name());
            update.setTimestamp(2, state == State.RUNNING ? null : Timestamp.from(finishedAt));
            update.setString(3, state == State.FAILED ? truncate(error) : null);
            update.setString(4, state.name());
            update.setString(5, id.toString());
            update.executeUpdate();
        }
    }

    /** The rotation with this id. */
    public static Optional<KeyRotation> find(Connection connection, UUID id) throws SQLException {
        List<KeyRotation> found = select(connection, " WHERE id = ?", id.toString());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every rotation, newest first. */
    public static List<KeyRotation> all(Connection connection) throws SQLException {
        return select(connection, " ORDER BY started_at DESC, id", null);
    }

    /** The rotations in state {@code state}, oldest first. */
    public static List<KeyRotation> inState(Connection connection, State state) throws SQLException {
        return select(connection, " WHERE state = ? ORDER BY started_at, id", state.name());
    }

    /** The newest rotation of {@code purpose}, if any. */
    public static Optional<KeyRotation> latest(Connection connection, KeyPurpose purpose) throws SQLException {
        List<KeyRotation> found = select(connection, " WHERE purpose = ? ORDER BY started_at DESC, id", purpose.name());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<KeyRotation> select(Connection connection, String tail, String parameter) throws SQLException {
        List<KeyRotation> rotations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM crm_key_rotation" + tail)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rotations.add(new KeyRotation(UUID.fromString(result.getString(1)),
                            KeyPurpose.valueOf(result.getString(2)), result.getInt(3), result.getInt(4),
                            State.valueOf(result.getString(5)), result.getLong(6), result.getLong(7),
                            DataKeyRepository.instant(result.getTimestamp(8)),
                            DataKeyRepository.instant(result.getTimestamp(9)), result.getString(10)));
                }
            }
        }
        return rotations;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
