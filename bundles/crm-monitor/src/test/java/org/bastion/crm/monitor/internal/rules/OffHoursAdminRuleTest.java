package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class OffHoursAdminRuleTest {

    private final Entries entries = new Entries(); // 10:00 UTC
    private final MonitorSettingsHolder settings = new MonitorSettingsHolder();
    private final OffHoursAdminRule rule = new OffHoursAdminRule(settings);

    private java.util.Optional<AlertTrigger> disable() {
        return rule.evaluate(entries.by("u-admin", AuditActions.USER_DISABLED, new AuditTarget("user", "u-9"),
                Map.of()), entries.window);
    }

    @Test
    void anAdministrativeActionWithinWorkingHoursRaisesNothing() {
        assertThat(disable()).isEmpty();
    }

    @Test
    void anAdministrativeActionAtNightRaisesAnAlertAboutTheAdministrator() {
        entries.advance(Duration.ofHours(13)); // 23:00 UTC
        AlertTrigger trigger = disable().orElseThrow();
        assertThat(trigger.subject()).isEqualTo("user:u-admin");
        assertThat(trigger.summary()).contains("user.disabled");
    }

    @Test
    void theConfiguredHoursAndZoneDecide() {
        settings.apply(Map.of("off-hours-admin.start", "09:00", "off-hours-admin.end", "17:00",
                "off-hours-admin.zone", "Asia/Tokyo")); // 10:00 UTC is 19:00 in Tokyo
        assertThat(disable()).isPresent();
    }

    @Test
    void readsTheSystemsOwnWorkAndFailuresAreNotAdministration() {
        entries.advance(Duration.ofHours(13));
        assertThat(rule.evaluate(entries.by("u-admin", AuditActions.CONTACT_READ, new AuditTarget("contact", "c"),
                Map.of()), entries.window)).isEmpty();
        assertThat(rule.evaluate(entries.record(AuditActions.BUNDLE_STARTED, AuditOutcome.SUCCESS, AuditActor.SYSTEM,
                null, Map.of()), entries.window)).isEmpty();
        assertThat(rule.evaluate(entries.record(AuditActions.USER_DISABLED, AuditOutcome.DENIED,
                new AuditActor("u-sales", "sam", "rest", "x"), null, Map.of()), entries.window)).isEmpty();
    }
}
