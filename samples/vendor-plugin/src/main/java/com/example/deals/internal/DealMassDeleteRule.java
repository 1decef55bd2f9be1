package com.example.deals.internal;

import java.time.Duration;
import java.util.Optional;

import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;
import org.osgi.service.component.annotations.Component;

/**
 * {@code deal-mass-delete}: one user deleting {@value #THRESHOLD} deals or more within ten minutes. crm-monitor
 * evaluates it on every audit entry when it is installed; without crm-monitor the service is simply not used (it only
 * needs crm-api's {@code org.bastion.crm.api.monitor} package).
 */
// tag::alert-rule[]
@Component(service = AlertRule.class)
public final class DealMassDeleteRule implements AlertRule {

    /** Deletions by one user that raise the alert. */
    static final long THRESHOLD = 10;
    /** The time they count within. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "deal-mass-delete";
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        String user = record.actor().userId();
        if (!record.action().equals("deal.deleted") || record.outcome() != AuditOutcome.SUCCESS
                || user.equals("anonymous") || user.equals("system")) {
            return Optional.empty();
        }
        long deleted = window.mark("user:" + user, WINDOW, THRESHOLD + 1L); // counted in the database, across nodes
        if (deleted < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger("user:" + user, AlertSeverity.HIGH,
                deleted + " deals deleted by one user within 10 minutes"));
    }
}
// end::alert-rule[]
