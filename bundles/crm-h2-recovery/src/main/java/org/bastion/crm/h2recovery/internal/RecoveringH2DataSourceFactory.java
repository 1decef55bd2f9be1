package org.bastion.crm.h2recovery.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.h2.util.OsgiDataSourceFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * H2's {@link DataSourceFactory}, registered under the driver class name {@value #DRIVER_CLASS} (the value of
 * {@code osgi.jdbc.driver.class} in {@code etc/org.ops4j.datasource-crm.cfg}): before it creates a datasource on an
 * embedded database file, it recovers the file if H2 did not close it cleanly ({@link UncleanShutdownRecovery}).
 */
@Component(service = DataSourceFactory.class, property = {
        DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + RecoveringH2DataSourceFactory.DRIVER_CLASS,
        DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=H2 JDBC Driver, crash-recovering"})
public final class RecoveringH2DataSourceFactory implements DataSourceFactory {

    /** The driver class name the datasource configuration selects this factory by. */
    public static final String DRIVER_CLASS = "crm-h2-recovering";

    private final DataSourceFactory h2 = new OsgiDataSourceFactory(org.h2.Driver.load());

    @Override
    public DataSource createDataSource(Properties props) throws SQLException {
        recover(props);
        return h2.createDataSource(props);
    }

    @Override
    public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
        recover(props);
        return h2.createConnectionPoolDataSource(props);
    }

    @Override
    public XADataSource createXADataSource(Properties props) throws SQLException {
        recover(props);
        return h2.createXADataSource(props);
    }

    @Override
    public Driver createDriver(Properties props) throws SQLException {
        return h2.createDriver(props);
    }

    private static void recover(Properties props) {
        if (props != null) {
            H2DatabaseFile.of(props.getProperty(JDBC_URL)).ifPresent(UncleanShutdownRecovery::recoverIfNeeded);
        }
    }
}
