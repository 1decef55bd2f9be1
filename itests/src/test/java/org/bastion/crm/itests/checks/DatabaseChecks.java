package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import javax.sql.DataSource;
import org.bastion.crm.itests.support.Await;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Which database the CRM really uses: asks the {@code crm} datasource service for its product name.
 */
public final class DatabaseChecks {

    private static final String CRM_DATASOURCE = "(osgi.jndi.service.name=crm)";

    private final BundleContext bundleContext;

    /** Checks inside the container of the given bundle context. */
    public DatabaseChecks(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    /** The datasource named {@code crm} is a connection to {@code product} ({@code H2}, {@code PostgreSQL}). */
    public void datasourceIs(String product) {
        ServiceReference<DataSource> reference = Await.until("the crm DataSource service", Duration.ofSeconds(60),
                this::crmDataSource, found -> found != null);
        DataSource dataSource = bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("database product of the crm datasource", product,
                    connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new AssertionError("cannot connect through the crm datasource", e);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private ServiceReference<DataSource> crmDataSource() {
        try {
            Collection<ServiceReference<DataSource>> references =
                    bundleContext.getServiceReferences(DataSource.class, CRM_DATASOURCE);
            return references.isEmpty() ? null : references.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
