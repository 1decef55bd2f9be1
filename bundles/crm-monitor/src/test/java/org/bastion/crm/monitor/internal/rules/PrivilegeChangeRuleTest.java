package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class PrivilegeChangeRuleTest {

    private final Entries entries = new Entries();
    private final Set<String> everything = Set.of("admin", "superusers");
    private final PrivilegeChangeRule rule = new PrivilegeChangeRule(new MonitorSettingsHolder(),
            new RoleGrants() {
                @Override
                public boolean grantsEverything(String role) {
                    return everything.contains(role);
                }
            });

    private AlertTrigger rolesChanged(String roles, String granted) {
        return rule.evaluate(entries.by("u-admin", AuditActions.USER_ROLES_CHANGED, new AuditTarget("user", "u-9"),
                Map.of("roles", roles, "granted", granted, "revoked", "")), entries.window).orElse(null);
    }

    @Test
    void beingGivenAdminRaisesAnAlertAboutThatUser() {
        AlertTrigger trigger = rolesChanged("admin,sales", "admin");
        assertThat(trigger.subject()).isEqualTo("user:u-9");
        assertThat(trigger.summary()).contains("admin");
    }

    @Test
    void beingGivenACustomRoleHoldingEverythingRaisesAnAlert() {
        assertThat(rolesChanged("sales,superusers", "superusers")).isNotNull();
    }

    @Test
    void keepingAdminWhileGainingAnOrdinaryRoleRaisesNothing() {
        assertThat(rolesChanged("admin,sales", "sales")).isNull();
        assertThat(rolesChanged("admin", "")).isNull();
    }

    @Test
    void withoutGrantedTheRolesHeldAfterAreJudged() {
        assertThat(rule.evaluate(entries.by("u-admin", AuditActions.USER_ROLES_CHANGED,
                new AuditTarget("user", "u-9"), Map.of("roles", "[\"admin\"]")), entries.window)).isPresent();
    }

    @Test
    void aRoleGivenTheWildcardRaisesAnAlertAboutTheRole() {
        AlertTrigger trigger = rule.evaluate(entries.by("u-admin", AuditActions.ROLE_UPDATED,
                new AuditTarget("role", "helpdesk"), Map.of("granted", "*,contacts:read", "revoked", "")),
                entries.window).orElseThrow();
        assertThat(trigger.subject()).isEqualTo("role:helpdesk");
        assertThat(rule.evaluate(entries.by("u-admin", AuditActions.ROLE_UPDATED,
                new AuditTarget("role", "helpdesk"), Map.of("granted", "contacts:*", "revoked", "*")),
                entries.window)).isEmpty();
    }
}
