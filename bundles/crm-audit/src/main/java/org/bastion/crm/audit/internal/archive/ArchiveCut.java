package org.bastion.crm.audit.internal.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.bastion.crm.support.jdbc.Sql;

/**
 * Where the next archive ends: at the newest signed checkpoint that lies before the first entry recorded at or after
 * the cutoff, so that every archive file ends on a signature and holds only entries older than the retention period.
 *
 * @param after the last entry already archived (the archive starts after it)
 * @param afterHash that entry's hash (the first archived entry's previous hash)
 * @param through the last entry of the archive, a signed checkpoint's sequence number
 * @param throughHash that entry's hash, which the checkpoint signs
 */
record ArchiveCut(long after, String afterHash, long through, String throughHash) {

    /** How many entries the archive holds. */
    long size() {
        return through - after;
    }

    /** The cut for entries recorded before {@code cutoff}, if there is anything to archive. */
    static Optional<ArchiveCut> find(Connection connection, Instant cutoff) throws SQLException {
        long after;
        String afterHash;
        long head;
        try (PreparedStatement statement = connection.prepareStatement("SELECT sequence_no, archived_through, "
                + "archived_hash FROM crm_audit_chain_head WHERE id = 1");
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            head = rows.getLong(1);
            after = rows.getLong(2);
            afterHash = rows.getString(3);
        }
        long firstYoung = head + 1;
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(sequence_no) FROM crm_audit_entry "
                + "WHERE recorded_at >= ? AND sequence_no > ?")) {
            Sql.setInstant(statement, 1, cutoff);
            statement.setLong(2, after);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next() && rows.getObject(1) != null) {
                    firstYoung = rows.getLong(1);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT sequence_no, entry_hash FROM "
                + "crm_audit_checkpoint WHERE sequence_no > ? AND sequence_no < ? ORDER BY sequence_no DESC "
                + "FETCH FIRST 1 ROWS ONLY")) {
            statement.setLong(1, after);
            statement.setLong(2, firstYoung);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new ArchiveCut(after, afterHash, rows.getLong(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }
}
