package org.bastion.crm.contacts.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the contacts tables up to date (scripts {@code db/contacts/V*.sql}, component {@value #COMPONENT}) when it
 * activates; the services depend on this component, so they never answer before the schema is current. It refuses
 * to encrypt by dropping: a version 1 schema that still holds (plaintext) contacts keeps it down, data untouched.
 */
@Component(service = ContactsSchema.class)
public final class ContactsSchema {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "contacts";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/contacts";

    /** The first version storing personal fields encrypted; its script recreates the contact tables. */
    public static final int ENCRYPTED_SINCE = 2;

    private static final System.Logger LOG = System.getLogger(ContactsSchema.class.getName());

    private final int version;
    private final DataSource dataSource;

    /**
     * @throws SQLException when a migration fails, which keeps the services down (SCR logs the cause)
     * @throws IllegalStateException when plaintext contacts would be lost, which keeps the services down too
     */
    @Activate
    public ContactsSchema(BundleContext context, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource)
            throws SQLException {
        this(dataSource, SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    ContactsSchema(DataSource dataSource, List<Migration> scripts) throws SQLException {
        this.dataSource = dataSource;
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        refuseToDropPlaintextContacts(migrator.currentVersion(COMPONENT));
        List<Integer> applied = migrator.migrate(COMPONENT, scripts);
        this.version = migrator.currentVersion(COMPONENT);
        if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Contacts schema migrated to version " + version + " (applied " + applied + ")");
        }
    }

    private void refuseToDropPlaintextContacts(int current) throws SQLException {
        if (current == 0 || current >= ENCRYPTED_SINCE) {
            return;
        }
        long stored;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM crm_contact")) {
            count.next();
            stored = count.getLong(1);
        }
        if (stored > 0) {
            String message = "Contacts schema version " + current + " holds " + stored + " contact(s) in plaintext,"
                    + " written by a pre-release build. This version encrypts contacts and would have to drop those"
                    + " tables to upgrade, so the contacts services stay down and nothing was changed. Export the"
                    + " contacts with the build that wrote them, delete them (DELETE FROM crm_contact), then restart"
                    + " the crm-contacts feature.";
            LOG.log(System.Logger.Level.ERROR, message);
            throw new IllegalStateException(message);
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
