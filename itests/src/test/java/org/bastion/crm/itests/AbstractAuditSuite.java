package org.bastion.crm.itests;


import static org.junit.Assert.assertEquals;

import org.bastion.crm.itests.checks.AuditArchiveChecks;
import org.bastion.crm.itests.checks.AuditQueryChecks;
import org.bastion.crm.itests.checks.AuditShellChecks;
import org.bastion.crm.itests.checks.audit.AuditChainChecks;
import org.bastion.crm.itests.checks.audit.AuditExportChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

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

    // --- sources-security: auth, users, roles, teams, keys, denials over REST and SSH (add @Test methods here) ---

    // --- sources-data: contacts, companies, reads, exports, configuration, features, bundles, deals (add @Test methods here) ---

    // --- last (zz*): feature swap, audit.required (add @Test methods here) ---
}
