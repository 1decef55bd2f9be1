package org.bastion.crm.audit.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.function.LongConsumer;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.audit.internal.chain.ChainHead;
import org.bastion.crm.audit.internal.chain.ChainStore;
import org.bastion.crm.audit.internal.export.ChainExporter;
import org.bastion.crm.audit.internal.export.ExportRange;
import org.bastion.crm.audit.internal.verify.ChainVerifier;
import org.bastion.crm.audit.internal.verify.VerificationResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Verification and export of the chain for callers holding {@code audit:read} (REST and shell); both are recorded
 * ({@code audit.verified}, outcome failure when the chain is broken; {@code audit.exported}).
 */
@Component(service = AuditChain.class)
public final class AuditChain {

    private static final System.Logger LOG = System.getLogger(AuditChain.class.getName());

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SigningKeys signingKeys;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    private final AuditDatabase database;
    private final ChainVerifier verifier;
    private final ChainExporter exporter;

    @Activate
    public AuditChain(@Reference AuditDatabase database) {
        this.database = database;
        this.verifier = new ChainVerifier(database.transactions());
        this.exporter = new ChainExporter(database.transactions());
    }

    /** Verifies the whole chain and records the verification. */
    public VerificationResult verify(LongConsumer progress) {
        checkAllowed();
        VerificationResult result;
        try {
            result = verifier.verify(signingKeys, progress);
        } catch (SQLException e) {
            throw unavailable("verifying", e);
        }
        AuditEntry.Builder entry = AuditEntry.of(AuditActions.AUDIT_VERIFIED,
                result.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .detail("entries", result.entries()).detail("checkpoints", result.checkpoints())
                .detail("headSequence", result.headSequence());
        if (!result.ok()) {
            entry.detail("failedAt", result.failedAt()).detail("problem", result.problem());
            LOG.log(System.Logger.Level.WARNING, "Audit: the chain does not verify: " + result.problem());
        }
        record(entry.build());
        return result;
    }

    /** An export the caller was allowed and that is recorded, written later (the body streams after the request). */
    public interface PreparedExport {
        /** The range it covers. */
        ExportRange range();

        /** Writes it; returns how many entries it wrote. */
        long writeTo(Writer out) throws IOException;
    }

    /**
     * Checks the caller and the range (400 when it is not one), records {@code audit.exported} and returns the export
     * to write: on the request's thread, where the caller is known, unlike the streaming of the body.
     */
    public PreparedExport prepareExport(String from, String to) {
        checkAllowed();
        ExportRange range = ExportRange.of(from, to, head());
        record(AuditEntry.success(AuditActions.AUDIT_EXPORTED).detail("from", range.from())
                .detail("to", range.to()).build());
        SigningKeys keys = signingKeys;
        return new PreparedExport() {
            @Override
            public ExportRange range() {
                return range;
            }

            @Override
            public long writeTo(Writer out) throws IOException {
                try {
                    return exporter.export(range, keys, out);
                } catch (SQLException e) {
                    throw unavailable("exporting", e);
                }
            }
        };
    }

    /** The chain head now. */
    public ChainHead head() {
        try {
            return database.transactions().read(connection -> ChainStore.head(connection, false));
        } catch (SQLException e) {
            throw unavailable("reading", e);
        }
    }

    private void record(AuditEntry entry) {
        AuditLog log = auditLog;
        if (log != null) {
            log.record(entry);
        }
    }

    private void checkAllowed() {
        CallerContext context = callerContext;
        Caller caller = context == null ? Caller.ANONYMOUS : context.current();
        AdminOnlyPermissions.orFailClosed(permissions).check(caller, StandardPermissions.AUDIT_READ);
    }

    private static ServiceUnavailableException unavailable(String what, SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "Audit: " + what + " the chain failed (SQL state " + e.getSQLState()
                + ")");
        return new ServiceUnavailableException("The audit trail cannot be read now; try again later.");
    }
}
