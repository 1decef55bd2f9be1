package org.bastion.crm.backup.internal.tables;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** The portable column types of the table form, each with how it is read, written, encoded and bound. */
public enum ColumnType {
    TEXT(1, Types.VARCHAR),
    INTEGER(2, Types.INTEGER),
    BIGINT(3, Types.BIGINT),
    BOOLEAN(4, Types.BOOLEAN),
    DATE(5, Types.DATE),
    TIMESTAMP(6, Types.TIMESTAMP),
    TIMESTAMPTZ(7, Types.TIMESTAMP_WITH_TIMEZONE),
    DECIMAL(8, Types.DECIMAL),
    DOUBLE(9, Types.DOUBLE),
    BYTES(10, Types.VARBINARY);

    private static final int MAX_VALUE_BYTES = 64 * 1024 * 1024;

    private final int code;
    private final int jdbcType;

    ColumnType(int code, int jdbcType) {
        this.code = code;
        this.jdbcType = jdbcType;
    }

    /** The type's code in the table form. */
    public int code() {
        return code;
    }

    /** The type of a code, or null. */
    public static ColumnType ofCode(int code) {
        for (ColumnType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** The portable type of a JDBC column, or null when it has none (the backup then refuses the table). */
    public static ColumnType ofJdbc(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB, Types.NCLOB ->
                    TEXT;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> name.contains("timestamptz") || name.contains("with time zone") ? TIMESTAMPTZ
                    : TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            default -> null;
        };
    }

    /** Reads column {@code index} of the current row (null for SQL NULL). */
    public Object read(ResultSet rows, int index) throws SQLException {
        Object value = switch (this) {
            case TEXT -> rows.getString(index);
            case INTEGER -> rows.getInt(index);
            case BIGINT -> rows.getLong(index);
            case BOOLEAN -> rows.getBoolean(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> rows.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rows.getObject(index, OffsetDateTime.class);
            case DECIMAL -> rows.getBigDecimal(index);
            case DOUBLE -> rows.getDouble(index);
            case BYTES -> rows.getBytes(index);
        };
        return rows.wasNull() ? null : value;
    }

    /** Binds {@code value} (null for SQL NULL) to parameter {@code index}. */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType);
            return;
        }
        switch (this) {
            case TEXT -> statement.setString(index, (String) value);
            case INTEGER -> statement.setInt(index, (Integer) value);
            case BIGINT -> statement.setLong(index, (Long) value);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case DOUBLE -> statement.setDouble(index, (Double) value);
            case BYTES -> statement.setBytes(index, (byte[]) value);
            default -> statement.setObject(index, value);
        }
    }

    /** Writes a non-null value. */
    public void encode(DataOutput out, Object value) throws IOException {
        switch (this) {
            case TEXT -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case INTEGER -> out.writeInt((Integer) value);
            case BIGINT -> out.writeLong((Long) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
            case TIMESTAMP -> {
                LocalDateTime time = (LocalDateTime) value;
                out.writeLong(time.toEpochSecond(ZoneOffset.UTC));
                out.writeInt(time.getNano());
            }
            case TIMESTAMPTZ -> {
                OffsetDateTime time = (OffsetDateTime) value;
                out.writeLong(time.toEpochSecond());
                out.writeInt(time.getNano());
                out.writeInt(time.getOffset().getTotalSeconds());
            }
            case DECIMAL -> writeBytes(out, ((BigDecimal) value).toString().getBytes(StandardCharsets.US_ASCII));
            case DOUBLE -> out.writeDouble((Double) value);
            case BYTES -> writeBytes(out, (byte[]) value);
        }
    }

    /** Reads a non-null value written by {@link #encode}. */
    public Object decode(DataInput in) throws IOException {
        return switch (this) {
            case TEXT -> new String(readBytes(in), StandardCharsets.UTF_8);
            case INTEGER -> in.readInt();
            case BIGINT -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case TIMESTAMPTZ -> OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(in.readLong(), in.readInt()),
                    ZoneOffset.ofTotalSeconds(in.readInt()));
            case DECIMAL -> new BigDecimal(new String(readBytes(in), StandardCharsets.US_ASCII));
            case DOUBLE -> in.readDouble();
            case BYTES -> readBytes(in);
        };
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE_BYTES) {
            throw new IOException("malformed value length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
