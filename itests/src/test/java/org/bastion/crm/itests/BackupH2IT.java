package org.bastion.crm.itests;

import org.bastion.crm.itests.checks.backup.RehearsalChecks;
import org.bastion.crm.itests.checks.backup.RehearsalDatabase;
import org.bastion.crm.itests.support.AdminLogin;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The backup suite on the default (embedded H2) database; it also rehearses the disaster-recovery runbook onto a
 * fresh distribution on PostgreSQL (skipped with {@code -Dcrm.itest.skipPostgres=true}).
 */
public class BackupH2IT extends AbstractBackupSuite {

    @Override
    protected Option[] databaseOptions() {
        // the H2 suite's own database is the default; these only pass the rehearsal's target database on
        return RehearsalDatabase.options();
    }

    /**
     * docs/disaster-recovery.md, "Lost server" and "Moving from the embedded H2 to PostgreSQL", followed literally:
     * the backup of this CRM restores onto a new installation on PostgreSQL with the same data, logins and audit trail.
     */
    @Test
    public void rRunbookRestoresTheBackupOntoAFreshPostgresInstallation() {
        new RehearsalChecks(api, clients, AdminLogin.current())
                .restoreOntoFreshPostgresShowsTheSame(getClass().getSimpleName(), RehearsalDatabase.inContainer());
    }
}
