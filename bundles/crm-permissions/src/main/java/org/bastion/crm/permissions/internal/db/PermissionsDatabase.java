package org.bastion.crm.permissions.internal.db;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
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
public final class PermissionsDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "permissions";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/permissions";

    private static final System.Logger LOG = System.getLogger(PermissionsDatabase.class.getName());

    private final Transactions transactions;

    /**
     * @throws SQLException when a migration fails, which keeps the permissions components down (SCR logs the cause)
     */
    @Activate
    public PermissionsDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JtaTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public PermissionsDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        this.transactions = transactions;
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        List<Integer> applied = migrator.migrate(COMPONENT, scripts);
        if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Permissions schema migrated to version "
                    + migrator.currentVersion(COMPONENT) + " (applied " + applied + ")");
        }
    }

    /** Runs read-only work in the caller's context. */
    public <T> T read(SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in a transaction (the caller's, or a new one). */
    public <T> T write(SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("permissions database error (SQL state " + e.getSQLState() + ")", e);
    }
}
