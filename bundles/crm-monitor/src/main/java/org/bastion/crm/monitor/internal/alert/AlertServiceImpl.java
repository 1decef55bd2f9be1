package org.bastion.crm.monitor.internal.alert;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertService;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.monitor.internal.response.AppliedResponse;
import org.bastion.crm.monitor.internal.response.Responder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link AlertService}: reading needs {@code alerts:read}, acknowledging, resolving and undoing responses
 * {@code alerts:manage}; each change is audited in the transaction that makes it and posted on EventAdmin.
 */
@Component(service = {AlertService.class, AlertServiceImpl.class})
public class AlertServiceImpl implements AlertService {

    /** The longest note an acknowledgement or resolution keeps. */
    public static final int MAX_NOTE = 500;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final CallerContext callers;
    private final AlertStore store;
    private final AlertRaiser raiser;
    private final Responder responder;
    private final AuditRecorder recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    @Activate
    public AlertServiceImpl(@Reference(policyOption = GREEDY) CallerContext callers, @Reference AlertStore store,
            @Reference AlertRaiser raiser, @Reference Responder responder) {
        this.callers = callers;
        this.store = store;
        this.raiser = raiser;
        this.responder = responder;
    }

    @Override
    public Page<Alert> list(AlertQuery query, PageRequest page) {
        require(AlertPermissionSet.ALERTS_READ);
        if (!page.sort().isEmpty()) {
            throw ValidationException.of("sort", "alerts are listed newest first and cannot be sorted otherwise");
        }
        long total = store.count(query);
        return new Page<>(store.list(query, page.offset(), page.size()), total, page.page(), page.size());
    }

    @Override
    public Alert get(UUID id) {
        require(AlertPermissionSet.ALERTS_READ);
        return existing(id);
    }

    /** The automatic responses applied for an alert ({@code alerts:read}). */
    public List<AppliedResponse> responses(UUID id) {
        require(AlertPermissionSet.ALERTS_READ);
        return responder.of(existing(id).id());
    }

    @Override
    public Alert acknowledge(UUID id, String note) {
        Caller caller = require(AlertPermissionSet.ALERTS_MANAGE);
        return change(id, AlertState.ACKNOWLEDGED, caller, checkedNote(note));
    }

    @Override
    public Alert resolve(UUID id, String note) {
        Caller caller = require(AlertPermissionSet.ALERTS_MANAGE);
        return change(id, AlertState.RESOLVED, caller, checkedNote(note));
    }

    /** Undoes the locks and refusals of an alert ({@code alerts:manage}, and crm-security's own check). */
    public List<AppliedResponse> undoResponses(UUID id) {
        Caller caller = require(AlertPermissionSet.ALERTS_MANAGE);
        return responder.undo(existing(id), caller.id());
    }

    /** Returns quietly when the caller may read alerts ({@code AccessDeniedException} otherwise). */
    public void checkRead() {
        require(AlertPermissionSet.ALERTS_READ);
    }

    /** Returns quietly when the caller may manage alerts ({@code AccessDeniedException} otherwise). */
    public void checkManage() {
        require(AlertPermissionSet.ALERTS_MANAGE);
    }

    private Alert change(UUID id, AlertState target, Caller caller, String note) {
        recorder.checkChangesAllowed();
        Alert changed = store.database().write(connection -> {
            Alert alert = AlertRows.find(connection, id, true).orElseThrow(() -> notFound(id));
            if (alert.state() == target) {
                return null;
            }
            if (alert.state() == AlertState.RESOLVED) {
                throw new ConflictException("the alert is resolved");
            }
            Instant now = store.clock().instant();
            AlertRows.changeState(connection, id, target, caller.id(), note, now);
            recorder.change(AuditEntry.success(target == AlertState.RESOLVED ? AuditActions.ALERT_RESOLVED
                    : AuditActions.ALERT_ACKNOWLEDGED).target("alert", id.toString()).detail("rule", alert.rule())
                    .detail("severity", alert.severity().wireName()).build());
            return new Alert(id, alert.rule(), alert.severity(), alert.subject(), alert.summary(),
                    alert.firstSequence(), alert.lastSequence(), alert.count(), target, alert.raisedAt(), now,
                    caller.id());
        });
        if (changed == null) {
            return existing(id);
        }
        raiser.changed(changed);
        return changed;
    }

    private Alert existing(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("alert", id.toString());
    }

    private Caller require(String permission) {
        Caller caller = callers.current();
        AdminOnlyPermissions.orFailClosed(permissions).check(caller, permission);
        return caller;
    }

    private static String checkedNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new ValidationException(List.of(new FieldError("note", "must have at most " + MAX_NOTE
                    + " characters")));
        }
        return note.strip();
    }
}
