package org.bastion.crm.backup.internal.tables;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a table part: its {@link TableShape}, then its rows one by one; the part ends with an end marker and the row
 * count, which is checked.
 */
public final class TableRows {

    private final DataInputStream in;
    private final TableShape shape;
    private long rows;
    private boolean ended;

    /**
     * Starts reading a table part.
     *
     * @throws IOException when the part does not start with a table shape
     */
    public TableRows(InputStream part) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(part, 64 * 1024));
        this.shape = TableShape.readFrom(in);
    }

    /** The table's shape. */
    public TableShape shape() {
        return shape;
    }

    /**
     * The next row's values in column order (null for SQL NULL), or null after the last row.
     *
     * @throws IOException when the part is malformed or its row count differs
     */
    public Object[] next() throws IOException {
        if (ended) {
            return null;
        }
        int marker = in.readUnsignedByte();
        if (marker == TableDump.END) {
            long written = in.readLong();
            if (written != rows) {
                throw new IOException("the part says " + written + " rows but holds " + rows);
            }
            ended = true;
            return null;
        }
        if (marker != TableDump.ROW) {
            throw new IOException("malformed row marker " + marker);
        }
        Object[] values = new Object[shape.columns().size()];
        for (int i = 0; i < values.length; i++) {
            if (in.readBoolean()) {
                values[i] = shape.columns().get(i).type().decode(in);
            }
        }
        rows++;
        return values;
    }

    /** Reads every remaining row. */
    public void skipRest() throws IOException {
        while (next() != null) {
            // counted
        }
    }

    /** Rows read so far. */
    public long rows() {
        return rows;
    }
}
