package org.bastion.crm.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the crypto tables, migrated by the bundle's own script. */
public final class TestDatabase {

    private TestDatabase() {
    }

    private static Migration script(String name) throws IOException {
        try (InputStream script = TestDatabase.class.getResourceAsStream("/db/crypto/" + name)) {
            return Migration.fromScript(name, new String(script.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A new, empty, migrated database. */
    public static DataSource create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:crypto-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try {
            new SchemaMigrator(dataSource).migrate(CryptoSchema.COMPONENT,
                    List.of(script("V1__create_tables.sql"), script("V2__one_running_rotation_per_purpose.sql"),
                            script("V3__signing_public_keys.sql")));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    /** Runs an update. */
    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query returns. */
    public static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a table as text, for before/after comparisons. */
    public static String dump(DataSource dataSource, String table) {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    rows.append(result.getString(i)).append('|');
                }
                rows.append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows.toString();
    }
}
