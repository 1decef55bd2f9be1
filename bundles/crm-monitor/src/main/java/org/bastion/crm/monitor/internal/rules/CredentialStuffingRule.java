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

/** {@code credential-stuffing}: failed logins for at least N distinct accounts from one address within T. */
@Component(service = AlertRule.class)
public final class CredentialStuffingRule implements AlertRule {

    private final Supplier<MonitorSettings> settings;

    @Activate
    public CredentialStuffingRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.CREDENTIAL_STUFFING;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        Optional<String> address = Subjects.address(record);
        if (!rule.enabled() || !Subjects.failedLogin(record) || address.isEmpty()) {
            return Optional.empty();
        }
        String subject = Subjects.ADDRESS + address.get();
        long accounts = window.markDistinct(subject, Subjects.account(record), rule.window(),
                rule.threshold() + 1L);
        if (accounts < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger(subject, rule.severity(), "failed logins for " + accounts
                + " accounts from one address within " + Subjects.shown(rule.window())));
    }
}
