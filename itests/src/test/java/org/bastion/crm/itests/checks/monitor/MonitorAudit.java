package org.bastion.crm.itests.checks.monitor;

import java.util.UUID;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Feeds the audit trail the entries the rules watch, through the container's {@link AuditLog}, exactly as crm-security
 * records a wrong password (a queued {@code auth.login.failed} with the typed username, the client address and the
 * account as target), so the monitoring checks do not depend on which bundles record what.
 */
final class MonitorAudit {

    private final BundleContext bundleContext;

    MonitorAudit(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    /** A documentation address (RFC 5737) of its own for one check, so checks never count together. */
    static String freshAddress() {
        return "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    }

    /** Records one failed login for the account {@code userId} typed as {@code username} from {@code address}. */
    void failedLogin(String userId, String username, String address) {
        ServiceReference<AuditLog> reference = bundleContext.getServiceReference(AuditLog.class);
        if (reference == null) {
            throw new AssertionError("no AuditLog service: crm-audit is not running");
        }
        AuditLog log = bundleContext.getService(reference);
        try {
            log.recordLater(AuditEntry.of(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE).target("user", userId)
                    .actor(new AuditActor("anonymous", username, "rest", address)).detail("reason", "bad-password")
                    .build());
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
