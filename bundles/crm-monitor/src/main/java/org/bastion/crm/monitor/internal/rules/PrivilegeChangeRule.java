package org.bastion.crm.monitor.internal.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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

/**
 * {@code privilege-change}: a user is given {@code admin} or a role holding {@code *} ({@code user.roles.changed}:
 * detail {@code granted}, the roles added, else {@code roles}, the roles held after), or a role is given {@code *}
 * ({@code role.created} / {@code role.updated}: detail {@code granted}, else {@code permissions}).
 */
@Component(service = AlertRule.class)
public final class PrivilegeChangeRule implements AlertRule {

    /** The built-in administrators' role. */
    public static final String ADMIN = "admin";

    private final Supplier<MonitorSettings> settings;
    private final Predicate<String> grantsEverything;

    @Activate
    public PrivilegeChangeRule(@Reference MonitorSettingsHolder holder, @Reference RoleGrants roles) {
        this.settings = holder::current;
        this.grantsEverything = roles::grantsEverything;
    }

    @Override
    public String name() {
        return MonitorSettings.PRIVILEGE_CHANGE;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        if (!rule.enabled() || record.outcome() != AuditOutcome.SUCCESS || record.target() == null) {
            return Optional.empty();
        }
        String action = record.action();
        if (action.equals(AuditActions.USER_ROLES_CHANGED)) {
            List<String> given = granted(record, "roles");
            Optional<String> powerful = given.stream().filter(grantsEverything).findFirst();
            return powerful.map(role -> new AlertTrigger(Subjects.USER + record.target().id(), rule.severity(),
                    "a user was given the role " + role + ", which grants every permission"));
        }
        if (action.equals(AuditActions.ROLE_UPDATED) || action.equals(AuditActions.ROLE_CREATED)) {
            if (granted(record, "permissions").contains("*")) {
                return Optional.of(new AlertTrigger("role:" + record.target().id(), rule.severity(),
                        "the role " + record.target().id() + " was given every permission (*)"));
            }
        }
        return Optional.empty();
    }

    private static List<String> granted(AuditRecord record, String fallback) {
        List<String> granted = Subjects.list(record, "granted");
        return granted.isEmpty() && !record.details().containsKey("granted") ? Subjects.list(record, fallback)
                : granted;
    }
}
