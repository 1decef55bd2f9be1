package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class AuditTamperingRuleTest {

    private final Entries entries = new Entries();
    private final MonitorSettingsHolder settings = new MonitorSettingsHolder();
    private final AuditTamperingRule rule = new AuditTamperingRule(settings);

    @Test
    void aFailedVerificationRaisesACriticalAlert() {
        AlertTrigger trigger = rule.evaluate(entries.record(AuditActions.AUDIT_VERIFIED, AuditOutcome.FAILURE,
                new AuditActor("u-admin", "ada", "ssh", "x"), null, Map.of("firstBadSequence", "42")),
                entries.window).orElseThrow();
        assertThat(trigger.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(trigger.subject()).isEqualTo("audit:trail");
        assertThat(trigger.summary()).isEqualTo("the audit trail failed verification at entry 42");
    }

    @Test
    void aPassingVerificationRaisesNothing() {
        assertThat(rule.evaluate(entries.record(AuditActions.AUDIT_VERIFIED, AuditOutcome.SUCCESS,
                AuditActor.SYSTEM, null, Map.of()), entries.window)).isEmpty();
    }

    @Test
    void theSeverityIsConfigurable() {
        settings.apply(Map.of("audit-tampering.severity", "medium"));
        assertThat(rule.evaluate(entries.record(AuditActions.AUDIT_VERIFIED, AuditOutcome.FAILURE,
                AuditActor.SYSTEM, null, Map.of()), entries.window)).map(AlertTrigger::severity)
                .contains(AlertSeverity.MEDIUM);
    }
}
