package com.example.deals.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

// tag::schema[]
/**
 * Brings the plugin's own table up to date (scripts {@code db/deals/V*.sql}, component {@value #COMPONENT}) when it
 * activates; the deal service depends on it, so it never answers before the schema is current.
 */
@Component(service = DealsSchema.class)
public final class DealsSchema {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "deals";

    private final DataSource dataSource;
    private final int version;

    /** @throws SQLException when a migration fails, which keeps the service down (SCR logs the cause) */
    @Activate
    public DealsSchema(BundleContext context, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource)
            throws SQLException {
        this(dataSource, SchemaMigrator.scriptsOf(context.getBundle(), "db/deals"));
    }
    // end::schema[]

    DealsSchema(DataSource dataSource, List<Migration> scripts) throws SQLException {
        this.dataSource = dataSource;
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrate(COMPONENT, scripts);
        this.version = migrator.currentVersion(COMPONENT);
    }

    /** The datasource the schema lives on. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema version found or produced. */
    public int version() {
        return version;
    }
}
