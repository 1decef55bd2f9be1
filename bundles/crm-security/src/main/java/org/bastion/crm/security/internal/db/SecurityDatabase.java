package org.bastion.crm.security.internal.db;

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
 * The security tables: brings them up to date when it activates (scripts {@code db/security/V*.sql}, component
 * {@value #COMPONENT}) and runs the bundle's SQL, so no service touches the tables before they are current. SQL
 * failures surface as {@link IllegalStateException} (a 500: the database, not the input, is at fault).
 */
@Component(service = SecurityDatabase.class)
public final class SecurityDatabase extends MigratedDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "security";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/security";

    /**
     * @throws SQLException when a migration fails, which keeps the security components down (SCR logs the cause)
     */
    @Activate
    public SecurityDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public SecurityDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        super(COMPONENT, dataSource, transactions, scripts);
    }
}
