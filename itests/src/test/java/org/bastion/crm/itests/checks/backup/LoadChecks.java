package org.bastion.crm.itests.checks.backup;

import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;

/**
 * The load checks of the backup suites (prefix {@code l}): backups and restores as a client sees them through REST and
 * the shell, under write load, after a key was shredded, with damaged files, in maintenance mode, one at a time, and
 * with no plaintext in any backup file. The markers they write are kept for the suite's run (one container per suite),
 * so that the last check scans for all of them.
 */
public final class LoadChecks {

    private static final LoadMarkers MARKERS = new LoadMarkers();

    private final CrmApi api;
    private final LoadBackupsApi backups;
    private final KarafShell shell;
    private final BundleContext bundleContext;

    /**
     * Checks against the admin's client (logged in again through {@code clients} after a restore ended its session),
     * the container's shell and the test bundle's context.
     */
    public LoadChecks(CrmApi api, ApiClients clients, KarafShell shell, BundleContext bundleContext) {
        this.api = api;
        this.backups = new LoadBackupsApi(api, clients);
        this.shell = shell;
        this.bundleContext = bundleContext;
    }

    /** Issue 14 item 1: a backup under write load restores with counts and references whole. */
    public void backupUnderWriteLoadRestoresWhole() {
        new BackupUnderLoadChecks(api, backups, bundleContext, MARKERS).restoresWhole();
    }

    /** Issue 14 item 4: a contact whose key was destroyed after a backup stays unreadable when it is restored. */
    public void shreddedContactStaysUnreadableAfterRestore() {
        new ShreddedKeyRestoreChecks(api, backups, shell, bundleContext, MARKERS).shreddedContactStaysUnreadable();
    }

    /** Truncated, tampered and foreign files are named, never restored. */
    public void damagedFilesAreNamed() {
        new DamagedFileChecks(api, backups, shell, MARKERS).damagedFilesAreNamed();
    }

    /** A restore puts the CRM in maintenance mode (503 + Retry-After, health) and reopens it. */
    public void restoreRunsInMaintenanceMode() {
        new MaintenanceModeChecks(api, backups, shell).restoreAnswers503AndReopens();
    }

    /** A restore or a second backup while a backup runs: 409. */
    public void secondOperationIsRefused() {
        new BusyChecks(backups).secondOperationIsRefusedWith409();
    }

    /** No personal marker (and no company name) in any file under the backup directory. */
    public void noPlaintextInBackupFiles() {
        new BackupMarkerScanChecks(api, backups, MARKERS).noMarkerInAnyBackupFile();
    }
}
