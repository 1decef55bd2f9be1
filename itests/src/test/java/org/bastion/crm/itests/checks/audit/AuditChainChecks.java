package org.bastion.crm.itests.checks.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditListener;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * crm-audit's chain in the container: entries recorded through the AuditLog service are chained and told to
 * listeners, the chain verifies over REST and in the shell, and tampering directly in the database (an edited, a
 * removed and two swapped rows) is found at the right sequence number, each put back afterwards.
 */
public final class AuditChainChecks {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CrmApi api;
    private final CrmApi anonymous;
    private final BundleContext bundleContext;
    private final KarafShell shell;

    public AuditChainChecks(CrmApi api, CrmApi anonymous, BundleContext bundleContext, KarafShell shell) {
        this.api = api;
        this.anonymous = anonymous;
        this.bundleContext = bundleContext;
        this.shell = shell;
    }

    /** The AuditLog service, waiting for it. */
    static AuditLog auditLog(BundleContext bundleContext) {
        ServiceReference<AuditLog> reference = Await.until("the AuditLog service", TIMEOUT,
                () -> bundleContext.getServiceReference(AuditLog.class), found -> found != null);
        return bundleContext.getService(reference);
    }

    /** Records entries both ways and waits until each is chained and told to a listener, in sequence order. */
    public void recordedEntriesAreChainedAndToldToListeners() {
        List<AuditRecord> told = new CopyOnWriteArrayList<>();
        ServiceRegistration<AuditListener> listener = bundleContext.registerService(AuditListener.class,
                told::add, null);
        try {
            AuditLog log = auditLog(bundleContext);
            String run = Long.toString(System.nanoTime());
            for (int i = 0; i < 3; i++) {
                log.record(AuditEntry.success("itest.recorded").target("itest", run + "-now-" + i).build());
                log.recordLater(AuditEntry.success("itest.read").target("itest", run + "-later-" + i).build());
            }
            Set<String> expected = Set.of(run + "-now-0", run + "-now-1", run + "-now-2", run + "-later-0",
                    run + "-later-1", run + "-later-2");
            Await.until("the six entries told to the listener", TIMEOUT,
                    () -> told.stream().filter(r -> r.target() != null).map(r -> r.target().id())
                            .collect(Collectors.toSet()), ids -> ids.containsAll(expected));
            List<Long> sequences = told.stream().map(AuditRecord::sequence).toList();
            for (int i = 1; i < sequences.size(); i++) {
                assertEquals("told in sequence order: " + sequences, sequences.get(i - 1) + 1, (long) sequences.get(i));
            }
            try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
                assertEquals("the entries are chained", 6, database.number("SELECT COUNT(*) FROM crm_audit_entry"
                        + " WHERE target_id LIKE ? AND sequence_no IS NOT NULL AND entry_hash IS NOT NULL", run + "-%"));
            }
        } finally {
            listener.unregister();
        }
    }

    /** GET /audit/verify and crm:audit-verify pass on the untouched chain; the verification is recorded. */
    public void theChainVerifiesOverRestAndInTheShell() {
        JsonNode result = verified();
        assertTrue("verify: " + result, result.path("ok").asBoolean());
        assertTrue("entries checked: " + result, result.path("entries").asLong() > 0);
        String printed = shell.execute("crm:audit-verify");
        assertTrue("crm:audit-verify: " + printed, printed.contains("OK: "));
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            Await.until("an audit.verified entry", TIMEOUT, () -> database.number("SELECT COUNT(*) FROM"
                    + " crm_audit_entry WHERE action = 'audit.verified' AND outcome = 'success'"), n -> n >= 2);
        }
        Expect.status(401, anonymous.get("/audit/verify"));
    }

    /** An edited, a removed and two swapped rows, each found at its sequence number, then put back. */
    public void tamperingInTheDatabaseIsFoundAtTheRightSequenceNumber() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            long victim = Await.until("at least five chained entries", TIMEOUT,
                    () -> database.number("SELECT sequence_no FROM crm_audit_chain_head WHERE id = 1"), n -> n >= 5) - 2;
            String target = database.text("SELECT action FROM crm_audit_entry WHERE sequence_no = ?", victim);

            assertEquals(1, database.update("UPDATE crm_audit_entry SET action = 'itest.forged' WHERE sequence_no = ?",
                    victim));
            try {
                failsAt(victim, "does not match its hash");
            } finally {
                database.update("UPDATE crm_audit_entry SET action = ? WHERE sequence_no = ?", target, victim);
            }
            assertTrue("restored", verified().path("ok").asBoolean());

            assertEquals(1, database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?",
                    -victim, victim));
            try {
                failsAt(victim, "is missing");
            } finally {
                database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", victim, -victim);
            }

            database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", -victim, victim);
            database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", victim, victim + 1);
            database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", victim + 1, -victim);
            try {
                failsAt(victim, "entry " + victim);
            } finally {
                database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", -victim, victim);
                database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", victim,
                        victim + 1);
                database.update("UPDATE crm_audit_entry SET sequence_no = ? WHERE sequence_no = ?", victim + 1,
                        -victim);
            }
            JsonNode restored = verified();
            assertTrue("restored: " + restored, restored.path("ok").asBoolean());
            assertTrue("a failed verification is recorded as audit.verified/failure", database.number(
                    "SELECT COUNT(*) FROM crm_audit_entry WHERE action = 'audit.verified' AND outcome = 'failure'") >= 3);
        }
    }

    private void failsAt(long sequence, String problem) {
        JsonNode result = verified();
        assertFalse("tampering found: " + result, result.path("ok").asBoolean());
        assertEquals("the first tampered entry: " + result, sequence, result.path("failedAt").asLong());
        assertTrue("problem: " + result, result.path("problem").asText().contains(problem));
        String printed = shell.execute("crm:audit-verify");
        assertTrue("crm:audit-verify names it: " + printed, printed.contains("FAILED at entry " + sequence));
    }

    private JsonNode verified() {
        return Expect.json(200, api.get("/audit/verify"));
    }
}
