package org.bastion.crm.monitor.internal.response;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.monitor.internal.SystemCaller;
import org.bastion.crm.monitor.internal.config.MonitorSettings;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.monitor.internal.config.RuleSettings;
import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies the automatic responses a rule is configured with when it raises an alert (as the system caller, each in
 * one transaction with its row and its {@code response.applied} entry), and undoes them for an administrator (as that
 * administrator, audited {@code response.undone}). A response whose service is missing is skipped and logged.
 */
@Component(service = Responder.class)
public class Responder {

    private static final System.Logger LOG = System.getLogger(Responder.class.getName());

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AccessRestrictions restrictions;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SessionService sessions;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile UserService users;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final MonitorDatabase database;
    private final Supplier<MonitorSettings> settings;
    private final Clock clock;
    private final AuditRecorder recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    @Activate
    public Responder(@Reference MonitorDatabase database, @Reference MonitorSettingsHolder holder) {
        this(database, holder::current, Clock.systemUTC());
    }

    public Responder(MonitorDatabase database, Supplier<MonitorSettings> settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** Applies the responses configured for {@code rule} to a raised alert; the wire names of those applied. */
    public List<String> apply(String rule, Alert alert, AuditRecord record) {
        RuleSettings configured = settings.get().rules().get(rule);
        if (configured == null || configured.responses().isEmpty()) {
            return List.of();
        }
        List<String> applied = new ArrayList<>();
        for (ResponseKind kind : ResponseKind.values()) {
            if (configured.responses().contains(kind)) {
                try {
                    if (applyOne(kind, alert, record, configured.responsePeriod())) {
                        applied.add(kind.wireName());
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Response " + kind.wireName() + " to alert " + alert.id()
                            + " (rule " + rule + ") failed: " + e);
                }
            }
        }
        return applied;
    }

    private boolean applyOne(ResponseKind kind, Alert alert, AuditRecord record, Duration period) {
        Optional<String> target = kind == ResponseKind.REFUSE_ADDRESS ? ResponseTargets.address(alert, record)
                : ResponseTargets.user(alert, record, this::userIdOf);
        if (target.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Response " + kind.wireName() + " to alert " + alert.id()
                    + " skipped: the alert names no " + (kind == ResponseKind.REFUSE_ADDRESS ? "address" : "account"));
            return false;
        }
        Runnable effect = effect(kind, target.get(), period, "automatic response to alert " + alert.id()
                + " (rule " + alert.rule() + ")");
        if (effect == null) {
            LOG.log(System.Logger.Level.WARNING, "Response " + kind.wireName() + " to alert " + alert.id()
                    + " skipped: crm-security's service for it is not available");
            return false;
        }
        Instant now = clock.instant();
        AppliedResponse response = new AppliedResponse(UUID.randomUUID(), alert.id(), kind, target.get(), now,
                kind == ResponseKind.END_SESSIONS ? null : now.plus(period), null, null);
        database.write(connection -> {
            ResponseStore.insert(connection, response);
            recorder.change(entry(AuditActions.RESPONSE_APPLIED, alert, response).actor(AuditActor.SYSTEM).build());
            SystemCaller.run(effect);
            return null;
        });
        return true;
    }

    private Runnable effect(ResponseKind kind, String target, Duration period, String reason) {
        AccessRestrictions currentRestrictions = restrictions;
        SessionService currentSessions = sessions;
        return switch (kind) {
            case LOCK_ACCOUNT -> currentRestrictions == null ? null
                    : () -> currentRestrictions.lockAccount(target, period, reason);
            case REFUSE_ADDRESS -> currentRestrictions == null ? null
                    : () -> currentRestrictions.refuseAddress(target, period, reason);
            case END_SESSIONS -> currentSessions == null ? null : () -> currentSessions.revokeAllOf(target);
        };
    }

    private Optional<String> userIdOf(String username) {
        UserService current = users;
        return current == null ? Optional.empty()
                : SystemCaller.call(() -> current.findByUsername(username)).map(User::id);
    }

    /** The responses applied for an alert. */
    public List<AppliedResponse> of(UUID alertId) {
        return database.read(connection -> ResponseStore.of(connection, alertId));
    }

    /**
     * Undoes every lock and refusal of an alert not undone yet, as the current caller (whose rights crm-security
     * checks); the responses undone now.
     */
    public List<AppliedResponse> undo(Alert alert, String by) {
        return database.write(connection -> {
            List<AppliedResponse> undone = new ArrayList<>();
            for (AppliedResponse response : ResponseStore.of(connection, alert.id())) {
                if (!response.undoable()) {
                    continue;
                }
                undoEffect(response);
                Instant now = clock.instant();
                ResponseStore.markUndone(connection, response.id(), by, now);
                recorder.change(entry(AuditActions.RESPONSE_UNDONE, alert, response).build());
                undone.add(new AppliedResponse(response.id(), response.alertId(), response.kind(), response.target(),
                        response.appliedAt(), response.until(), now, by));
            }
            return undone;
        });
    }

    private void undoEffect(AppliedResponse response) {
        if (response.kind() == ResponseKind.LOCK_ACCOUNT) {
            UserService current = users;
            if (current == null) {
                throw new org.bastion.crm.api.ServiceUnavailableException(
                        "the user service is not available: the account cannot be unlocked now");
            }
            current.unlock(response.target());
        } else {
            AccessRestrictions current = restrictions;
            if (current == null) {
                throw new org.bastion.crm.api.ServiceUnavailableException(
                        "access restrictions are not available: the address cannot be allowed now");
            }
            current.allowAddress(response.target());
        }
    }

    private static AuditEntry.Builder entry(String action, Alert alert, AppliedResponse response) {
        return AuditEntry.success(action).target("alert", alert.id().toString()).detail("rule", alert.rule())
                .detail("alertId", alert.id()).detail("kind", response.kind().wireName())
                .detail("subject", response.target()).detail("responseId", response.id());
    }
}
