package org.bastion.crm.backup.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Scratch databases from H2's {@link DataSourceFactory} (the H2 driver bundle is part of every installation, PostgreSQL
 * ones included): {@code jdbc:h2:mem:} databases that live until closed.
 */
final class H2ScratchDatabases implements ScratchDatabases {

    private final DataSourceFactory h2;

    H2ScratchDatabases(DataSourceFactory h2) {
        this.h2 = h2;
    }

    @Override
    public Scratch create() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:crm-verify-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = h2.createDataSource(properties);
        return new Scratch() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() throws SQLException {
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        };
    }
}
