package org.bastion.crm.monitor.internal.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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

/**
 * {@code off-hours-admin}: a person (not the system) succeeds at an administrative action (users, roles, teams, keys,
 * configuration, features and bundles, password or second-factor resets, unlocks) outside the configured hours.
 */
@Component(service = AlertRule.class)
public final class OffHoursAdminRule implements AlertRule {

    /** The action prefixes that count as administration. */
    public static final List<String> ADMINISTRATIVE = List.of("user.", "role.", "team.", "key.", "config.", "feature.",
            "bundle.", "auth.password.reset", "auth.totp.reset", "auth.account.unlocked", "response.undone");

    private final Supplier<MonitorSettings> settings;

    @Activate
    public OffHoursAdminRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.OFF_HOURS_ADMIN;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        MonitorSettings current = settings.get();
        RuleSettings rule = current.rule(name());
        Optional<String> actor = Subjects.actorId(record);
        if (!rule.enabled() || actor.isEmpty() || record.outcome() != AuditOutcome.SUCCESS
                || ADMINISTRATIVE.stream().noneMatch(record.action()::startsWith)
                || !current.offHours().isOffHours(record.time())) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger(Subjects.USER + actor.get(), rule.severity(),
                "administrative action " + record.action() + " outside working hours"));
    }
}
