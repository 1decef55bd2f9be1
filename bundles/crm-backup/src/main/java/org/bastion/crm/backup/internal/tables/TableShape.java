package org.bastion.crm.backup.internal.tables;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's columns as the table form holds them: lower-case names, portable types, and which belong to the primary
 * key.
 */
public record TableShape(String table, List<Column> columns) {

    /** One column. */
    public record Column(String name, ColumnType type, boolean primaryKey) {
    }

    /** The version of the table form this code writes. */
    public static final int FORM_VERSION = 1;

    private static final int MAX_COLUMNS = 4096;

    /** The primary key's columns. */
    public List<Column> primaryKey() {
        return columns.stream().filter(Column::primaryKey).toList();
    }

    /** Writes the shape (the start of a table part). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORM_VERSION);
        out.writeUTF(table);
        out.writeInt(columns.size());
        for (Column column : columns) {
            out.writeUTF(column.name());
            out.writeByte(column.type().code());
            out.writeBoolean(column.primaryKey());
        }
    }

    /**
     * Reads a shape written by {@link #writeTo}.
     *
     * @throws IOException when the bytes are not a table form of a version this code reads
     */
    public static TableShape readFrom(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORM_VERSION) {
            throw new IOException("table form version " + version + " is unknown");
        }
        String table = in.readUTF();
        int count = in.readInt();
        if (count < 1 || count > MAX_COLUMNS) {
            throw new IOException("malformed column count " + count);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int code = in.readUnsignedByte();
            ColumnType type = ColumnType.ofCode(code);
            if (type == null) {
                throw new IOException("column " + name + " has the unknown type code " + code);
            }
            columns.add(new Column(name, type, in.readBoolean()));
        }
        return new TableShape(table, List.copyOf(columns));
    }
}
