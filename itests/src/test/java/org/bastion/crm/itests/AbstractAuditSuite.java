package org.bastion.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.OptionUtils.combine;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import org.bastion.crm.itests.checks.audit.AuditChainChecks;
import org.bastion.crm.itests.checks.audit.AuditExportChecks;
import org.bastion.crm.itests.checks.AuditSwapChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.bastion.crm.itests.checks.AccessRestrictionChecks;
import org.bastion.crm.itests.checks.SigningKeyChecks;
import org.bastion.crm.itests.checks.audit.AuditRequiredChecks;
import org.bastion.crm.itests.checks.audit.DenialAuditChecks;
import org.bastion.crm.itests.checks.audit.SecurityAuditChecks;
import org.bastion.crm.itests.checks.audit.SshAuditChecks;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.checks.DataAuditChecks;
import org.bastion.crm.itests.checks.EncryptionAtRestChecks;
import org.bastion.crm.itests.checks.SystemAuditChecks;
import org.bastion.crm.itests.checks.AuditArchiveChecks;
import org.bastion.crm.itests.checks.AuditQueryChecks;
import org.bastion.crm.itests.checks.AuditShellChecks;

/**
 * The audit trail (crm-audit) and what records into it, checked in one container per database: each action family
 * produces its entry over REST and over SSH, a rolled-back change leaves none, tampering is found at the right
 * sequence number, the documented offline verification passes on an export and fails on a modified one, and the
 * feature swaps out and back with a chain that still verifies.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractAuditSuite extends AbstractCrmSuite {

    /**
     * Driver side: the shipped settings, but a signed checkpoint at least every 5 seconds (shipped: 60) while entries
     * arrive, so that the checks that need a checkpoint after their own entries (the export, the archive cut) wait
     * seconds, not a minute.
     */
    @Override
    @Configuration
    public Option[] config() {
        return combine(super.config(), editConfigurationFilePut("etc/org.bastion.crm.audit.cfg",
                "checkpointEverySeconds", "5"));
    }

    @Test
    public void aaBundleIsActive() {
        Bundle bundle = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.bastion.crm-audit")).findFirst()
                .orElseThrow(() -> new AssertionError("org.bastion.crm-audit is not installed"));
        assertEquals("org.bastion.crm-audit is ACTIVE", Bundle.ACTIVE, bundle.getState());
    }

    // --- audit-core: the write path, the chain, checkpoints, verification, export (add @Test methods here) ---

    @Test
    public void c1RecordedEntriesAreChainedAndToldToListeners() {
        new AuditChainChecks(api, clients.anonymous(), bundleContext, shell).recordedEntriesAreChainedAndToldToListeners();
    }

    @Test
    public void c2TheChainVerifiesOverRestAndInTheShell() {
        new AuditChainChecks(api, clients.anonymous(), bundleContext, shell).theChainVerifiesOverRestAndInTheShell();
    }

    @Test
    public void c3TamperingInTheDatabaseIsFoundAtTheRightSequenceNumber() {
        new AuditChainChecks(api, clients.anonymous(), bundleContext, shell)
                .tamperingInTheDatabaseIsFoundAtTheRightSequenceNumber();
    }

    @Test
    public void c4TheDocumentedOfflineVerificationPassesAndFailsOnAModifiedExport() throws Exception {
        new AuditExportChecks(api, bundleContext).theDocumentedOfflineVerificationPassesAndFailsOnAModifiedExport();
    }

    // --- audit-query: query, history, activity, archive, shell search/tail (add @Test methods here) ---

    // --- sources-security: auth, users, roles, teams, keys, denials over REST and SSH (add @Test methods here) ---

    // --- sources-data: contacts, companies, reads, exports, configuration, features, bundles, deals (add @Test methods here) ---

    // --- last (zz*): feature swap, audit.required (add @Test methods here) ---
    @Test
    public void zzAuditFeatureSwapsOutAndBackWithoutLosingEntries() throws Exception {
        new AuditSwapChecks(api, shell, featuresService, bundleContext).swapOutAndBackLosesNoEntryAndTheChainVerifies();
    }


    // signing
    @Test
    public void kSigningKeysSignVerifyAndSurviveARotation() throws Exception {
        new SigningKeyChecks(api, shell, bundleContext).signaturesVerifyAndSurviveARotation();
    }

    // signing: access restrictions
    @Test
    public void rAddressRefusalsAreListedLiftedAndCheckTheirInput() {
        new AccessRestrictionChecks(api, clients, shell).addressRefusalsAreListedLiftedAndCheckTheirInput();
    }

    @Test
    public void rOwnAddressRefusedUntilAllowed() {
        new AccessRestrictionChecks(api, clients, shell).theSuitesOwnAddressIsRefusedUntilAllowed();
    }

    @Test
    public void rLockedAccountLosesSessionsUntilUnlocked() {
        new AccessRestrictionChecks(api, clients, shell).aLockedAccountLosesItsSessionsAndCannotLogInUntilUnlocked();
    }

    @Test
    public void sAuthenticationIsRecordedWithTheClient() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SecurityAuditChecks(api, clients, database).authenticationIsRecordedWithTheClient();
        }
    }

    @Test
    public void sUserAdministrationIsRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SecurityAuditChecks(api, clients, database).userAdministrationIsRecorded();
        }
    }

    @Test
    public void sRolesAndTeamsAreRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SecurityAuditChecks(api, clients, database).rolesAndTeamsAreRecorded();
        }
    }

    @Test
    public void sKeyRotationIsRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SecurityAuditChecks(api, clients, database).keyRotationIsRecorded();
        }
    }

    @Test
    public void sDenialsAreRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new DenialAuditChecks(api, clients, database).unauthenticatedAndForbiddenRequestsAreRecorded();
        }
    }

    @Test
    public void sOutOfScopeIsRecordedAndAnsweredLikeMissing() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new DenialAuditChecks(api, clients, database).aRecordOutsideTheCallersScopeIsRecordedAndAnsweredLikeAMissingOne();
        }
    }

    @Test
    public void sRolledBackChangeLeavesNoEntry() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new DenialAuditChecks(api, clients, database).aChangeThatRollsBackLeavesNoEntry();
        }
    }

    @Test
    public void sSshLoginsAreRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SshAuditChecks(AdminLogin.current(), api, database).sshLoginsAreRecordedOnChannelSsh();
        }
    }

    @Test
    public void sShellChangesAreRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new SshAuditChecks(AdminLogin.current(), api, database).shellChangesOnTheLocalConsoleAreRecorded(shell);
        }
    }

    @Test
    public void sTrailRequiredAndUninstalledRefusesChanges() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            new AuditRequiredChecks(bundleContext, shell, api, database)
                    .changesAre503WhileTheTrailIsRequiredAndMissing();
        }
    }

    @Test
    public void dContactChangesOverRestCarryFieldHistoryWithoutPlaintext() {
        new DataAuditChecks(api, bundleContext).contactChangesOverRestCarryFieldHistoryWithoutPlaintext();
    }

    @Test
    public void dContactChangesOverSshAreRecorded() {
        new DataAuditChecks(api, bundleContext).contactChangesOverSshAreRecorded();
    }

    @Test
    public void dContactReadAndListPageAreRecorded() {
        new DataAuditChecks(api, bundleContext).contactReadAndListPageAreRecorded();
    }

    @Test
    public void dChangeRolledBackAtTheDatabaseLeavesNoEntry() {
        new DataAuditChecks(api, bundleContext).aChangeRolledBackAtTheDatabaseLeavesNoEntry();
    }

    @Test
    public void dConfigurationChangeIsRecordedWithKeyNamesOnly() {
        new SystemAuditChecks(api, shell, featuresService, bundleContext).configurationChangeIsRecordedWithKeyNamesOnly();
    }

    @Test
    public void dFeatureUninstallAndInstallAreRecorded() {
        new SystemAuditChecks(api, shell, featuresService, bundleContext).featureUninstallAndInstallAreRecorded();
    }

    @Test
    public void dNoPersonalValueInFilesDumpsLogsOrAuditTables() {
        new EncryptionAtRestChecks(api, bundleContext).noPersonalDataInFilesDumpsOrLogs();
    }

    @Test
    public void qaQueryWithFiltersAndBadInput() {
        new AuditQueryChecks(bundleContext, api, clients).queryWithFiltersAndBadInput();
    }

    @Test
    public void qbHistoryDecryptedForAdminAndRedactedWithoutTheFieldPermission() {
        new AuditQueryChecks(bundleContext, api, clients).historyDecryptedForAdminAndRedactedWithoutTheFieldPermission();
    }

    @Test
    public void qcActivityOfTheAdmin() {
        new AuditQueryChecks(bundleContext, api, clients).activityOfTheAdmin();
    }

    @Test
    public void qdShellSearchAndTail() {
        new AuditShellChecks(shell).searchAndTail();
    }

    @Test
    public void qzArchiveCutThenVerify() throws Exception {
        new AuditArchiveChecks(bundleContext, api).archiveCutThenVerify();
    }
}
