package org.bastion.crm.rest.internal.audit;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.security.ClientInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records the REST API's denials into the audit trail, queued ({@code access.denied}): every 401 and 403 it answers,
 * and every 404 for a record outside the caller's scope ({@link NotFoundException#outOfScope}). Details name the
 * status, method, path (never the query), reason code and, for a 404, the record asked for; the client's answer is
 * the same with or without the trail.
 */
@Component(service = RestAudit.class)
public class RestAudit {

    static final int MAX_PATH = 500;

    /** Optional and dynamic: without crm-audit the REST API answers on, recording nothing. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final AuditRecorder recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    /** Records a 401 or 403 answered to {@code caller} (anonymous for a 401 before authentication). */
    public void denied(int status, String method, String path, String reason, Caller caller, ClientInfo client) {
        if (!recorder.active()) {
            return;
        }
        recorder.later(entry(status, method, path, reason, caller, client).build());
    }

    /** Records a 404 answered because the record lies outside the caller's scope. */
    public void outOfScope(NotFoundException refusal, String method, String path, Caller caller, ClientInfo client) {
        if (!recorder.active() || !refusal.outOfScope()) {
            return;
        }
        AuditEntry.Builder entry = entry(404, method, path, "out-of-scope", caller, client);
        if (refusal.kind() != null && refusal.id() != null && !refusal.id().isEmpty()) {
            entry.target(safeKind(refusal.kind()), cut(refusal.id(), 200));
        }
        recorder.later(entry.build());
    }

    private static AuditEntry.Builder entry(int status, String method, String path, String reason, Caller caller,
            ClientInfo client) {
        Caller who = caller == null ? Caller.ANONYMOUS : caller;
        ClientInfo from = client == null ? new ClientInfo(null, "", "rest") : client;
        return AuditEntry.of(AuditActions.ACCESS_DENIED, AuditOutcome.DENIED)
                .actor(new AuditActor(who.id(), who.displayName(), from.channel(), from.address()))
                .detail("status", status).detail("method", method).detail("path", cut(path, MAX_PATH))
                .detail("reason", reason);
    }

    private static String safeKind(String kind) {
        String lower = kind.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return lower.isEmpty() || !Character.isLetter(lower.charAt(0)) ? "record" : cut(lower, 40);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
