package org.bastion.crm.monitor.internal.rules;

import java.util.Optional;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditActions;
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
 * {@code new-address}: a successful login from an address never seen for that user; a user's first login the monitor
 * sees only remembers the address.
 */
@Component(service = AlertRule.class)
public final class NewAddressRule implements AlertRule {

    private static final String KNOWN_USERS = "users";

    private final Supplier<MonitorSettings> settings;

    @Activate
    public NewAddressRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.NEW_ADDRESS;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        Optional<String> user = Subjects.userId(record);
        Optional<String> address = Subjects.address(record);
        if (!rule.enabled() || !record.action().equals(AuditActions.LOGIN_SUCCEEDED) || user.isEmpty()
                || address.isEmpty()) {
            return Optional.empty();
        }
        String subject = Subjects.USER + user.get();
        boolean firstLogin = window.firstSeen(KNOWN_USERS, user.get());
        boolean newAddress = window.firstSeen(subject, address.get());
        if (firstLogin || !newAddress) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger(subject, rule.severity(),
                "login from an address not seen before for this user"));
    }
}
