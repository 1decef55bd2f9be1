package org.bastion.crm.backup.internal.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database for one test, with SQL helpers. */
final class TestDatabase implements AutoCloseable {

    final DataSource dataSource;

    TestDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:backup-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        this.dataSource = h2;
    }

    /** Scratch databases as the container's H2 factory makes them. */
    static ScratchDatabases scratch() {
        return () -> {
            TestDatabase database = new TestDatabase();
            return new ScratchDatabases.Scratch() {
                @Override
                public DataSource dataSource() {
                    return database.dataSource;
                }

                @Override
                public void close() {
                    database.close();
                }
            };
        };
    }

    TestDatabase migrate(BackupParticipant... participants) throws SQLException {
        for (BackupParticipant participant : participants) {
            new SchemaMigrator(dataSource).migrate(participant.schemaComponent(), participant.migrations());
        }
        return this;
    }

    void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return rows(sql).isEmpty() ? 0 : ((Number) rows(sql).get(0).get(0)).longValue();
    }

    /** Every row of a query, each as a list of values. */
    List<List<Object>> rows(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                            : value instanceof java.sql.Timestamp time ? time.toString() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute("SHUTDOWN");
    }
}
