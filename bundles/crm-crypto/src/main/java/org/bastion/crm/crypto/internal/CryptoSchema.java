package org.bastion.crm.crypto.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.support.jdbc.BundleSchema;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the crypto tables up to date (scripts {@code db/crypto/V*.sql}, component {@value #COMPONENT}) when it
 * activates; every other crypto component depends on it, so none touches the tables before they are current.
 */
@Component(service = CryptoSchema.class)
public final class CryptoSchema {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "crypto";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/crypto";

    private final DataSource dataSource;

    /**
     * @throws SQLException when a migration fails, which keeps the crypto components down (SCR logs the cause)
     */
    @Activate
    public CryptoSchema(BundleContext context, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        BundleSchema.migrate(dataSource, COMPONENT, SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** The {@code crm} datasource the tables live in. */
    public DataSource dataSource() {
        return dataSource;
    }
}
