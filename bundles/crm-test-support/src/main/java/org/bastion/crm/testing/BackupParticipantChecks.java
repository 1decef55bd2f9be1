package org.bastion.crm.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;

/**
 * Checks a {@link BackupParticipant} against the schema its own migrations build: every table is listed or knowingly
 * left out, parents come before children, and merged tables are listed tables.
 */
public final class BackupParticipantChecks {

    private BackupParticipantChecks() {
    }

    /**
     * Migrates the empty database {@code empty} with the participant's migrations and returns what is wrong (empty
     * when nothing is): a table neither listed nor in {@code leftOut}, a listed table that does not exist, a child listed
     * before its parent, a merged table not listed.
     */
    public static List<String> problems(DataSource empty, BackupParticipant participant, Set<String> leftOut)
            throws SQLException {
        new SchemaMigrator(empty).migrate(participant.schemaComponent(), participant.migrations());
        List<String> problems = new ArrayList<>();
        List<String> listed = participant.tables().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        try (Connection connection = empty.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Set<String> existing = tables(meta);
            existing.remove(SchemaMigrator.VERSION_TABLE);
            for (String table : existing) {
                if (!listed.contains(table) && !leftOut.contains(table)) {
                    problems.add("table " + table + " is neither backed up nor left out");
                }
            }
            for (String table : listed) {
                if (!existing.contains(table)) {
                    problems.add("listed table " + table + " does not exist");
                    continue;
                }
                for (String parent : parents(meta, table)) {
                    if (listed.contains(parent) && listed.indexOf(parent) > listed.indexOf(table)) {
                        problems.add("table " + table + " is listed before its parent " + parent);
                    }
                }
            }
        }
        for (String merged : participant.mergedTables()) {
            if (!listed.contains(merged.toLowerCase(Locale.ROOT))) {
                problems.add("merged table " + merged + " is not listed");
            }
        }
        return problems;
    }

    /** The migration scripts {@code V*.sql} of a bundle folder on the test class path ({@code db/<component>}). */
    public static List<Migration> scripts(String folder) {
        try {
            java.net.URL url = BackupParticipantChecks.class.getClassLoader().getResource(folder);
            if (url == null) {
                throw new IllegalArgumentException("no folder " + folder + " on the class path");
            }
            List<Migration> scripts = new ArrayList<>();
            try (var files = Files.list(Path.of(url.toURI()))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList()) {
                    scripts.add(Migration.fromScript(file.getFileName().toString(), Files.readString(file)));
                }
            }
            return scripts;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> tables(DatabaseMetaData meta) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet result = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (result.next()) {
                String schema = result.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    tables.add(result.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Set<String> parents(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> parents = new TreeSet<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet result = meta.getImportedKeys(null, null, name)) {
                while (result.next()) {
                    parents.add(result.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        parents.remove(table);
        return parents;
    }
}
