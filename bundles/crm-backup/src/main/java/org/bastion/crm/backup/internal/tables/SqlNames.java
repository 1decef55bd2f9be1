package org.bastion.crm.backup.internal.tables;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Table and column names checked before they go into SQL, and the catalogue facts read about a table. */
public final class SqlNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlNames() {
    }

    /**
     * The name, lower-case, when it is a plain SQL identifier.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String checked(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The lower-case names of the primary key's columns of {@code table}. */
    public static Set<String> primaryKey(Connection connection, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String variant : variants(table)) {
            try (ResultSet keys = meta.getPrimaryKeys(null, connection.getSchema(), variant)) {
                while (keys.next()) {
                    columns.add(keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return columns;
    }

    /** The lower-case names of {@code table}'s identity (auto-increment) columns. */
    public static List<String> identityColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String variant : variants(table)) {
            try (ResultSet rows = meta.getColumns(null, connection.getSchema(), variant, "%")) {
                while (rows.next()) {
                    if ("YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))) {
                        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return columns;
    }

    /** Whether {@code table} exists in the connection's schema. */
    public static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String variant : variants(table)) {
            try (ResultSet rows = meta.getTables(null, connection.getSchema(), variant, null)) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> variants(String table) {
        return List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT));
    }
}
