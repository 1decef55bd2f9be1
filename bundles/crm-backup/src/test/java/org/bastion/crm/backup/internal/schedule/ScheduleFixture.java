package org.bastion.crm.backup.internal.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.support.jdbc.BundleSchema;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.testing.LocalTransactions;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database with the backup tables, and catalogue rows written as the service writes them. */
public final class ScheduleFixture {

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final ScheduleDatabase database;
    public final BackupCatalogue catalogue;

    public ScheduleFixture() {
        dataSource.setURL("jdbc:h2:mem:backup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try {
            BundleSchema.migrate(dataSource, "backup", List.of(script("V1__create_backup.sql")));
            database = new ScheduleDatabase(new LocalTransactions(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        catalogue = new BackupCatalogue(database);
    }

    /** Adds a catalogue row. */
    public UUID backup(String fileName, String trigger, String state, Instant startedAt, String error) {
        UUID id = UUID.randomUUID();
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_backup (id, file_name, "
                    + "trigger_kind, state, started_at, node, error) VALUES (?, ?, ?, ?, ?, 'test', ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, fileName);
                insert.setString(3, trigger);
                insert.setString(4, state);
                Sql.setInstant(insert, 5, startedAt);
                insert.setString(6, error);
                return insert.executeUpdate();
            }
        });
        return id;
    }

    /** The state of a backup's row. */
    public String state(UUID id) {
        return catalogue.get(id).orElseThrow().state();
    }

    private static Migration script(String name) {
        try (InputStream in = ScheduleFixture.class.getResourceAsStream("/db/backup/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
