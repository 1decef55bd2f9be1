package org.bastion.crm.audit.internal.archive;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How an archive file is written: the trail's export format (NDJSON), so that an archive verifies offline exactly as
 * an export does. The archiver calls {@link #entries} once per chunk of sequence numbers, in order, between
 * {@link #begin} and {@link #end}.
 */
interface ArchiveFormat {

    /** Writes what precedes the entries of {@code cut}. */
    void begin(Connection connection, ArchiveCut cut, Writer out) throws SQLException, IOException;

    /** Writes the chained entries after {@code after} through {@code through}, in chain order. */
    void entries(Connection connection, long after, long through, Writer out) throws SQLException, IOException;

    /** Writes what follows the entries of {@code cut} (its checkpoints and the keys that verify them). */
    void end(Connection connection, ArchiveCut cut, Writer out) throws SQLException, IOException;
}
