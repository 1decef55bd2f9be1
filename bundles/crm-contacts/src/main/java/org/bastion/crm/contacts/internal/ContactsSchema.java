package org.bastion.crm.contacts.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the contacts tables up to date (scripts {@code db/contacts/V*.sql}, component {@value #COMPONENT}) when it
 * activates; the services depend on this component, so they never answer before the schema is current.
 */
@Component(service = ContactsSchema.class)
public final class ContactsSchema {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "contacts";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/contacts";

    private static final System.Logger LOG = System.getLogger(ContactsSchema.class.getName());

    private final int version;
    private final DataSource dataSource;

    /**
     * @throws SQLException when a migration fails, which keeps the services down (SCR logs the cause)
     */
    @Activate
    public ContactsSchema(BundleContext context, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        List<Integer> applied = migrator.migrate(COMPONENT, SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
        this.version = migrator.currentVersion(COMPONENT);
        if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Contacts schema migrated to version " + version + " (applied " + applied + ")");
        }
    }

    /** The datasource the schema was migrated on, which the read side of the services uses too. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema version this component found or produced. */
    public int version() {
        return version;
    }
}
