package org.bastion.crm.monitor.internal.rules;

import java.util.Optional;
import java.util.function.Supplier;

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

/** {@code failed-logins}: at least N {@code auth.login.failed} for one account within T. */
@Component(service = AlertRule.class)
public final class FailedLoginsRule implements AlertRule {

    private final Supplier<MonitorSettings> settings;

    @Activate
    public FailedLoginsRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.FAILED_LOGINS;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        if (!rule.enabled() || !Subjects.failedLogin(record)) {
            return Optional.empty();
        }
        String account = Subjects.account(record);
        long failures = window.mark(account, rule.window(), rule.threshold() + 1L);
        if (failures < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger(account, rule.severity(), failures + " failed logins for one account within "
                + Subjects.shown(rule.window())));
    }
}
