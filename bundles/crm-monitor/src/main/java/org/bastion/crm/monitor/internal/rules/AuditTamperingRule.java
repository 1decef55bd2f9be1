package org.bastion.crm.monitor.internal.rules;

import java.util.Optional;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;
import org.bastion.crm.monitor.internal.config.MonitorSettings;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.monitor.internal.config.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code audit-tampering}: a verification of the audit trail ({@code audit.verified}) that failed. */
@Component(service = AlertRule.class)
public final class AuditTamperingRule implements AlertRule {

    /** The one subject of its alerts: the trail. */
    public static final String SUBJECT = "audit:trail";

    private final Supplier<MonitorSettings> settings;

    @Activate
    public AuditTamperingRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.AUDIT_TAMPERING;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        if (!rule.enabled() || !record.action().equals(AuditActions.AUDIT_VERIFIED)
                || record.outcome() != AuditOutcome.FAILURE) {
            return Optional.empty();
        }
        String at = record.details().getOrDefault("firstBadSequence", "");
        return Optional.of(new AlertTrigger(SUBJECT, rule.severity(), "the audit trail failed verification"
                + (at.matches("[0-9]{1,19}") ? " at entry " + at : "")));
    }
}
