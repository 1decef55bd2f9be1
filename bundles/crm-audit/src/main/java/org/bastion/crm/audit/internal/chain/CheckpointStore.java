package org.bastion.crm.audit.internal.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_audit_checkpoint}. */
public final class CheckpointStore {

    static final String COLUMNS = "sequence_no, entry_hash, signed_at, key_version, signature";

    private CheckpointStore() {
    }

    /** The latest checkpoint, if any. */
    public static Optional<Checkpoint> latest(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM crm_audit_checkpoint ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(checkpoint(result)) : Optional.empty();
        }
    }

    /** Stores a checkpoint. */
    public static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO crm_audit_checkpoint (" + COLUMNS + ") VALUES (?,?,?,?,?)")) {
            statement.setLong(1, checkpoint.sequence());
            statement.setString(2, checkpoint.entryHash());
            Sql.setInstant(statement, 3, checkpoint.signedAt());
            statement.setInt(4, checkpoint.keyVersion());
            statement.setString(5, checkpoint.signature());
            statement.executeUpdate();
        }
    }

    /** The checkpoint at the result's cursor. */
    public static Checkpoint checkpoint(ResultSet result) throws SQLException {
        return new Checkpoint(result.getLong(1), result.getString(2), Sql.instant(result, "signed_at"),
                result.getInt(4), result.getString(5));
    }
}
