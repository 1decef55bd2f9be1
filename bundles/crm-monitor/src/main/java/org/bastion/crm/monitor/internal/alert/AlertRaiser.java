package org.bastion.crm.monitor.internal.alert;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;

import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.response.AppliedResponse;
import org.bastion.crm.monitor.internal.response.Responder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Turns a rule's trigger into an alert: folds it into the database, applies the rule's automatic responses to a new
 * alert, logs one WARN line per raised alert (no subject: it may be personal data) and posts the alert on EventAdmin.
 */
@Component(service = AlertRaiser.class)
public class AlertRaiser {

    private static final System.Logger LOG = System.getLogger(AlertRaiser.class.getName());

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin events;

    private final AlertStore store;
    private final Responder responder;

    @Activate
    public AlertRaiser(@Reference AlertStore store, @Reference Responder responder) {
        this.store = store;
        this.responder = responder;
    }

    /** Raises or folds the alert of {@code rule} for {@code trigger}, caused by {@code record}. */
    public Folded raise(String rule, AlertTrigger trigger, AuditRecord record) {
        Folded folded = store.fold(rule, trigger, record);
        Alert alert = folded.alert();
        switch (folded.kind()) {
            case RAISED -> {
                List<String> responses = responder.apply(rule, alert, record);
                LOG.log(System.Logger.Level.WARNING, "Alert " + alert.id() + " raised by rule " + rule + " ("
                        + alert.severity().wireName() + ") on audit entry #" + record.sequence() + ": "
                        + alert.summary() + (responses.isEmpty() ? "" : "; responses: " + String.join(", ", responses)));
                AlertEventPublisher.post(events, AlertEvents.ALERT_RAISED, alert, responses);
            }
            case REPEATED -> AlertEventPublisher.post(events, AlertEvents.ALERT_REPEATED, alert, responsesOf(alert));
            default -> {
                // told twice: already folded, nothing to say again
            }
        }
        return folded;
    }

    /** Posts an acknowledged or resolved alert. */
    void changed(Alert alert) {
        AlertEventPublisher.post(events, AlertEvents.ALERT_CHANGED, alert, responsesOf(alert));
    }

    private List<String> responsesOf(Alert alert) {
        return responder.of(alert.id()).stream().filter(response -> response.undoneAt() == null)
                .map(AppliedResponse::kind).map(kind -> kind.wireName()).distinct().toList();
    }
}
