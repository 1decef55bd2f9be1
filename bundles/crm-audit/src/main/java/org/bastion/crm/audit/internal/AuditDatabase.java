package org.bastion.crm.audit.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.bastion.crm.support.jdbc.BundleSchema;
import org.bastion.crm.support.jdbc.JoiningTransactions;
import org.bastion.crm.support.jdbc.Transactions;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit tables: brings them up to date when it activates (scripts {@code db/audit/V*.sql}, component
 * {@value #COMPONENT}) and gives the bundle its {@link Transactions} on the {@code crm} datasource, so that no
 * service touches the tables before they are current.
 */
@Component(service = AuditDatabase.class)
public final class AuditDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "audit";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/audit";

    private final Transactions transactions;
    private final TransactionManager transactionManager;

    /** @throws SQLException when a migration fails, which keeps the audit components down (SCR logs the cause) */
    @Activate
    public AuditDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource), transactionManager,
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public AuditDatabase(DataSource dataSource, Transactions transactions, TransactionManager transactionManager,
            List<Migration> scripts) throws SQLException {
        BundleSchema.migrate(dataSource, COMPONENT, scripts);
        this.transactions = transactions;
        this.transactionManager = transactionManager;
    }

    /** Reads and writes on the {@code crm} datasource (writes join the caller's JTA transaction). */
    public Transactions transactions() {
        return transactions;
    }

    /** The container's transaction manager (null in unit tests). */
    TransactionManager transactionManager() {
        return transactionManager;
    }
}
