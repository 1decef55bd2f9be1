package org.bastion.crm.permissions.internal.db;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.support.jdbc.JoiningTransactions;
import org.bastion.crm.support.jdbc.MigratedDatabase;
import org.bastion.crm.support.jdbc.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The permissions tables: brings them up to date when it activates (scripts {@code db/permissions/V*.sql}, component
 * {@value #COMPONENT}) and runs the bundle's SQL, so no service touches the tables before they are current. SQL
 * failures surface as {@link IllegalStateException} (a 500: the database, not the input, is at fault).
 */
@Component(service = PermissionsDatabase.class)
public final class PermissionsDatabase extends MigratedDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "permissions";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/permissions";

    /**
     * @throws SQLException when a migration fails, which keeps the permissions components down (SCR logs the cause)
     */
    @Activate
    public PermissionsDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public PermissionsDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        super(COMPONENT, dataSource, transactions, scripts);
    }
}
