package org.bastion.crm.backup.internal.schedule;

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
 * The backup tables as the schedules, retention and health see them: brought up to date when it activates (scripts
 * {@code db/backup/V*.sql}, component {@value #COMPONENT}; migrating twice is harmless) on the {@code crm} datasource.
 */
@Component(service = ScheduleDatabase.class)
public final class ScheduleDatabase extends MigratedDatabase {

    /** The component name under which the backup tables' migrations are recorded. */
    public static final String COMPONENT = "backup";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/backup";

    @Activate
    public ScheduleDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions} (unit tests). */
    public ScheduleDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        super(COMPONENT, dataSource, transactions, scripts);
    }
}
