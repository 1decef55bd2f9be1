package org.bastion.crm.backup.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;

/** Schema versions as recorded in {@code crm_schema_version} and as known to a participant's migrations. */
final class SchemaVersions {

    private SchemaVersions() {
    }

    /** The highest applied version of {@code component} seen by {@code connection} (its transaction), or 0. */
    static int applied(Connection connection, String component) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(version) FROM " + SchemaMigrator.VERSION_TABLE + " WHERE component = ?")) {
            select.setString(1, component);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** The highest version among {@code migrations}, or 0. */
    static int known(List<Migration> migrations) {
        return migrations.stream().mapToInt(Migration::version).max().orElse(0);
    }

    /** The migrations up to and including {@code version}. */
    static List<Migration> upTo(List<Migration> migrations, int version) {
        return migrations.stream().filter(m -> m.version() <= version).toList();
    }
}
