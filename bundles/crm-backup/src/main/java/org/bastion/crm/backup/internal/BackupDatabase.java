package org.bastion.crm.backup.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.support.jdbc.BundleSchema;
import org.bastion.crm.support.jdbc.JoiningTransactions;
import org.bastion.crm.support.jdbc.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The backup bundle's own tables (catalogue, maintenance row, job leases): brings them up to date when it activates
 * (scripts {@code db/backup/V*.sql}, component {@value #COMPONENT}) and gives the bundle its {@link Transactions} on
 * the {@code crm} datasource. None of these tables is part of a backup.
 */
@Component(service = BackupDatabase.class)
public final class BackupDatabase {

    /** The component name under which the migrations are recorded. */
    public static final String COMPONENT = "backup";

    /** The bundle folder holding the migration scripts. */
    public static final String SCRIPT_FOLDER = "db/backup";

    private final Transactions transactions;

    /** @throws SQLException when a migration fails, which keeps the backup components down (SCR logs the cause) */
    @Activate
    public BackupDatabase(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionManager transactionManager) throws SQLException {
        this(dataSource, new JoiningTransactions(transactionManager, dataSource),
                SchemaMigrator.scriptsOf(context.getBundle(), SCRIPT_FOLDER));
    }

    /** Migrates {@code dataSource} with {@code scripts} and works through {@code transactions}. */
    public BackupDatabase(DataSource dataSource, Transactions transactions, List<Migration> scripts)
            throws SQLException {
        BundleSchema.migrate(dataSource, COMPONENT, scripts);
        this.transactions = transactions;
    }

    /** Reads and writes on the {@code crm} datasource (writes join the caller's JTA transaction). */
    public Transactions transactions() {
        return transactions;
    }
}
