package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.backup.internal.archive.ArchiveFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A backup taken on H2 restores into PostgreSQL and back with every value equal (run with
 * {@code -Dcrm.backup.pg.url=jdbc:postgresql://127.0.0.1:5432/<database>}; it works in schema {@code backup_unit}).
 */
@EnabledIfSystemProperty(named = "crm.backup.pg.url", matches = ".+")
class CrossDatabaseRestoreTest {

    @TempDir
    Path directory;

    @Test
    void aBackupTakenOnH2RestoresIntoPostgresqlAndBackWithEveryValueEqual() throws Exception {
        try (EngineFixture h2 = new EngineFixture().withRows(); TestDatabase back = new TestDatabase()) {
            h2.database.execute("INSERT INTO t_contact (id, company_id, name) SELECT X + 100, 2, REPEAT('n', 50)"
                    + " FROM SYSTEM_RANGE(1, 2000)");
            List<BackupParticipant> participants = List.of(h2.people, h2.kinds, h2.keyTables);
            BackupEngine.Written fromH2 = h2.engine().backup(directory, "manual", participants, BackupProgress.NONE);
            DataSource postgres = emptyPostgresSchema();
            for (BackupParticipant participant : participants) {
                new SchemaMigrator(postgres).migrate(participant.schemaComponent(), participant.migrations());
            }
            DefaultBackupEngine onPostgres = new DefaultBackupEngine(postgres, h2.keys, h2.recordKeys,
                    TestDatabase.scratch(), ArchiveFiles.LOCAL, java.time.Clock.systemUTC(), "1.2.3");

            onPostgres.restore(fromH2.file(), participants, BackupProgress.NONE);
            BackupEngine.Written fromPostgres = onPostgres.backup(directory, "manual", participants,
                    BackupProgress.NONE);
            back.migrate(h2.people, h2.kinds, h2.keyTables);
            new DefaultBackupEngine(back.dataSource, h2.keys, h2.recordKeys, TestDatabase.scratch(),
                    ArchiveFiles.LOCAL, java.time.Clock.systemUTC(), "1.2.3")
                    .restore(fromPostgres.file(), participants, BackupProgress.NONE);

            assertThat(fromPostgres.manifest().database()).isEqualTo("postgresql");
            for (String table : List.of("t_company", "t_contact", "t_kinds", "t_entry", "t_data_key", "t_key_state")) {
                List<List<Object>> original = comparable(h2.database.dataSource, table);
                assertThat(comparable(postgres, table)).as(table + " on PostgreSQL").isEqualTo(original);
                assertThat(comparable(back.dataSource, table)).as(table + " back on H2").isEqualTo(original);
            }
            assertThat(fromPostgres.manifest().rowCount()).isEqualTo(fromH2.manifest().rowCount());
            try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO t_entry (body) VALUES ('after')");
            }
            assertThat(comparable(postgres, "t_entry")).last().asList().first().isEqualTo("3");
        }
    }

    private static DataSource emptyPostgresSchema() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getProperty("crm.backup.pg.url"));
        postgres.setUser(System.getProperty("crm.backup.pg.user", "crm"));
        postgres.setPassword(System.getProperty("crm.backup.pg.password", "crm"));
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS backup_unit CASCADE");
            statement.execute("CREATE SCHEMA backup_unit");
        }
        postgres.setCurrentSchema("backup_unit");
        return postgres;
    }

    /** The rows of a table as strings, time stamps with zones as instants, ordered by the first column. */
    private static List<List<Object>> comparable(DataSource dataSource, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    String type = result.getMetaData().getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
                    if (value != null && (type.contains("timestamptz") || type.contains("with time zone"))) {
                        value = result.getObject(i, OffsetDateTime.class).toInstant();
                    } else if (value instanceof java.sql.Timestamp time) {
                        value = time.toLocalDateTime();
                    } else if (value instanceof byte[] bytes) {
                        value = java.util.HexFormat.of().formatHex(bytes);
                    } else if (value instanceof java.math.BigDecimal decimal) {
                        value = decimal.stripTrailingZeros().toPlainString();
                    }
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
