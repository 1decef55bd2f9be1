package org.bastion.crm.api.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;

/**
 * Brings one component's tables up to date: applies, in order and once each, the migrations not yet recorded in
 * the shared {@value #VERSION_TABLE} table, and refuses to start when an applied script was edited afterwards.
 */
public final class SchemaMigrator {

    /** The table recording which migration of which component ran, when, and with which checksum. */
    public static final String VERSION_TABLE = "crm_schema_version";

    /**
     * One migration at a time in this JVM: bundles start in parallel (SCR activates each on the thread that satisfied
     * it), and two H2 sessions changing the schema at once can each wait for the other's lock on H2's meta table until
     * the lock timeout, which fails one bundle's start. PostgreSQL detects such waits itself; across nodes each
     * migration is one transaction per script and the version table's primary key refuses a script applied twice.
     */
    private static final ReentrantLock ONE_MIGRATION_AT_A_TIME = new ReentrantLock();

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reads the scripts {@code V<n>__<description>.sql} under a folder of a bundle, ordered by version.
     */
    public static List<Migration> scriptsOf(Bundle bundle, String folder) {
        Enumeration<URL> urls = bundle.findEntries(folder, "V*.sql", false);
        List<Migration> migrations = new ArrayList<>();
        for (URL url : urls == null ? Collections.<URL>emptyList() : Collections.list(urls)) {
            String path = url.getPath();
            migrations.add(Migration.fromScript(path.substring(path.lastIndexOf('/') + 1), read(url)));
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        return migrations;
    }

    /**
     * Applies the migrations of {@code component} that have not run yet.
     *
     * @return the versions applied by this call, in order (empty when the schema was current)
     * @throws SQLException when a script fails (its own changes are rolled back where the database allows)
     * @throws IllegalStateException when an applied script changed, or two scripts share a version
     */
    public List<Integer> migrate(String component, List<Migration> migrations) throws SQLException {
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).version() == ordered.get(i - 1).version()) {
                throw new IllegalStateException(component + " has two migrations numbered " + ordered.get(i).version());
            }
        }
        List<Integer> applied = new ArrayList<>();
        ONE_MIGRATION_AT_A_TIME.lock();
        try (Connection connection = dataSource.getConnection()) {
            createVersionTable(connection);
            Map<Integer, String> done = appliedChecksums(connection, component);
            for (Migration migration : ordered) {
                String checksum = done.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException(component + " migration " + migration.version()
                                + " was changed after it ran; restore the original script and add a new migration instead");
                    }
                    continue;
                }
                apply(connection, component, migration);
                applied.add(migration.version());
            }
        } finally {
            ONE_MIGRATION_AT_A_TIME.unlock();
        }
        return applied;
    }

    /** The highest version of {@code component} applied so far, or 0. */
    public int currentVersion(String component) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            createVersionTable(connection);
            return appliedChecksums(connection, component).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                    + "component VARCHAR(64) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (component, version))");
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection, String component) throws SQLException {
        Map<Integer, String> result = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, checksum FROM " + VERSION_TABLE + " WHERE component = ?")) {
            select.setString(1, component);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return result;
    }

    private static void apply(Connection connection, String component, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VERSION_TABLE
                    + " (component, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, component);
                insert.setInt(2, migration.version());
                insert.setString(3, migration.description());
                insert.setString(4, migration.checksum());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + url, e);
        }
    }
}
