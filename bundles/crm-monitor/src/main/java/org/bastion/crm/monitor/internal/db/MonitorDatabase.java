package org.bastion.crm.monitor.internal.db;

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
 * The monitoring tables (rule windows, alerts, responses): brought up to date when it activates (scripts
 * {@code db/monitor/V*.sql}, component {@value #COMPONENT}) before any service touches them.
 */
@Component(service = MonitorDatabase.class)
public final class MonitorDatabase extends MigratedDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "monitor";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/monitor";

    /** @throws SQLException when a migration fails, which keeps the monitoring components down */
    @Activate
    public MonitorDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public MonitorDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        super(COMPONENT, dataSource, transactions, scripts);
    }
}
