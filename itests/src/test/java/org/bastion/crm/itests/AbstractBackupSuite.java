package org.bastion.crm.itests;

import static org.junit.Assert.assertEquals;

import org.bastion.crm.itests.checks.backup.BackupSwapChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.bastion.crm.itests.checks.backup.ParticipantTableChecks;
import org.bastion.crm.itests.checks.backup.BackupScheduleChecks;
import org.bastion.crm.itests.checks.backup.LoadChecks;

/**
 * Backups and restores (crm-backup), checked in one container per database: every participant joins, a backup taken
 * under write load restores with its references and counts whole, a record whose key was destroyed after a backup stays
 * unreadable when that backup is restored, damaged files are named, maintenance mode answers 503, schedules, retention
 * and health, and the feature swaps out and back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractBackupSuite extends AbstractCrmSuite {

    @Test
    public void aaBundleIsActive() {
        Bundle bundle = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.bastion.crm-backup")).findFirst()
                .orElseThrow(() -> new AssertionError("org.bastion.crm-backup is not installed"));
        assertEquals("org.bastion.crm-backup is ACTIVE", Bundle.ACTIVE, bundle.getState());
    }

    // --- backup-data: archive, snapshot, verify, restore engine (add @Test methods here, prefix d) ---

    // --- backup-participants: every bundle joins, keys, caches after a restore (prefix p) ---

    // --- backup-service: REST, shell, permissions, maintenance mode, audit (prefix s) ---

    @Test
    public void s1OnlyHoldersOfTheBackupPermissionsReachBackups() {
        serviceChecks().onlyHoldersOfTheBackupPermissionsReachBackups();
    }

    @Test
    public void s2AdminTakesReadsVerifiesAndDeletesABackup() {
        serviceChecks().adminTakesReadsVerifiesAndDeletesABackup();
    }

    @Test
    public void s3RestoreByIdBringsTheBackupsDataBackAndReopens() {
        serviceChecks().restoreByIdBringsTheBackupsDataBackAndReopens();
    }

    @Test
    public void s4ShellCommandsTakeVerifyRestoreAFileAndDelete() {
        serviceChecks().shellCommandsTakeVerifyRestoreAFileAndDelete();
    }

    @Test
    public void s5MaintenanceAnswers503UntilAnAdministratorEndsIt() {
        serviceChecks().maintenanceAnswers503UntilAnAdministratorEndsIt();
    }

    private org.bastion.crm.itests.checks.backup.BackupServiceChecks serviceChecks() {
        return new org.bastion.crm.itests.checks.backup.BackupServiceChecks(api, clients, shell, bundleContext);
    }

    // --- backup-schedule: schedules, retention, off-site copy, health (prefix t) ---

    // --- backup-rehearsal: load, cross-database restore, runbook (prefix r; the runbook rehearsal is in BackupH2IT) ---

    // --- the lead's: swap out and back (prefix zz) ---

    @Test
    public void zzBackupFeatureSwapsOutAndBackKeepingItsCatalogue() throws Exception {
        new BackupSwapChecks(api, shell, featuresService).swapOutAndBackKeepsTheCatalogueAndBacksUpAgain();
    }

    @Test
    public void pEveryTableBelongsToExactlyOneParticipantOrIsLeftOutOnPurpose() {
        new ParticipantTableChecks(bundleContext).everyTableBelongsToExactlyOneParticipantOrIsLeftOut();
    }

    @Test
    public void pEveryParticipantsSchemaComponentIsRecorded() {
        new ParticipantTableChecks(bundleContext).everyParticipantsSchemaComponentIsRecorded();
    }

    @Test
    public void taScheduleSetOverConfigurationFiresOnceAndIsCopiedOffSite() throws Exception {
        new BackupScheduleChecks(bundleContext, api).scheduleSetOverConfigurationFires();
    }

    @Test
    public void tbRetentionAfterABackupDeletesWhatGrandfatherFatherSonSays() throws Exception {
        new BackupScheduleChecks(bundleContext, api).retentionDeletesWhatGrandfatherFatherSonSays();
    }

    @Test
    public void tcHealthIsDegradedOnAScheduleThatDoesNotParseAndUpAgain() {
        new BackupScheduleChecks(bundleContext, api).healthDegradedOnAScheduleThatDoesNotParse();
    }

    @Test
    public void tdHealthIsDegradedOnADirectoryThatCannotBeWrittenAndUpAgain() throws Exception {
        new BackupScheduleChecks(bundleContext, api).healthDegradedOnADirectoryThatCannotBeWritten();
    }

    @Test
    public void teKeyBackupIsRewrittenWhenARecordKeyIsDestroyed() throws Exception {
        new BackupScheduleChecks(bundleContext, api).keyBackupRewrittenWhenARecordKeyIsDestroyed();
    }

    @Test
    public void laBackupUnderWriteLoadRestoresWithCountsAndReferencesWhole() {
        new LoadChecks(api, clients, shell, bundleContext).backupUnderWriteLoadRestoresWhole();
    }

    @Test
    public void lbContactShreddedAfterABackupStaysUnreadableWhenItIsRestored() {
        new LoadChecks(api, clients, shell, bundleContext).shreddedContactStaysUnreadableAfterRestore();
    }

    @Test
    public void lcTruncatedTamperedAndForeignFilesAreNamedAndNeverRestored() {
        new LoadChecks(api, clients, shell, bundleContext).damagedFilesAreNamed();
    }

    @Test
    public void ldRestoreAnswers503WithRetryAfterAndReopens() {
        new LoadChecks(api, clients, shell, bundleContext).restoreRunsInMaintenanceMode();
    }

    @Test
    public void leRestoreOrBackupWhileABackupRunsIsRefusedWith409() {
        new LoadChecks(api, clients, shell, bundleContext).secondOperationIsRefused();
    }

    @Test
    public void lfNoPersonalValueInPlaintextInAnyBackupFile() {
        new LoadChecks(api, clients, shell, bundleContext).noPlaintextInBackupFiles();
    }
}
