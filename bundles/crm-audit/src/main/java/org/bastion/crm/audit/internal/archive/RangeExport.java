package org.bastion.crm.audit.internal.archive;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;

/**
 * Writes a range of the chain in the trail's export format (NDJSON with the range's checkpoints and the public keys
 * that verify them), so that an archive file verifies offline exactly as an export does.
 */
@FunctionalInterface
interface RangeExport {

    /** Writes entries {@code from} through {@code to} (inclusive) to {@code out}; returns how many it wrote. */
    long export(long from, long to, Writer out) throws SQLException, IOException;
}
