package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditTarget;
import org.junit.jupiter.api.Test;

class FailedLoginsRuleTest {

    private final Entries entries = new Entries();
    private final MonitorSettingsHolder settings = new MonitorSettingsHolder();
    private final FailedLoginsRule rule = new FailedLoginsRule(settings);

    private Optional<AlertTrigger> fail(String userId) {
        return rule.evaluate(entries.failedLogin(userId, "alice", "203.0.113.7"), entries.window);
    }

    @Test
    void theFifthFailureForOneAccountWithinFiveMinutesRaisesAHighAlert() {
        for (int i = 0; i < 4; i++) {
            assertThat(fail("u-1")).isEmpty();
            entries.advance(Duration.ofSeconds(30));
        }
        Optional<AlertTrigger> trigger = fail("u-1");
        assertThat(trigger).isPresent();
        assertThat(trigger.get().subject()).isEqualTo("user:u-1");
        assertThat(trigger.get().severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(trigger.get().summary()).isEqualTo("5 failed logins for one account within 5 minutes")
                .doesNotContain("alice");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            assertThat(fail("u-1")).isEmpty();
        }
        entries.advance(Duration.ofMinutes(5));
        assertThat(fail("u-1")).isEmpty();
    }

    @Test
    void failuresForDifferentAccountsCountApart() {
        for (int i = 0; i < 4; i++) {
            assertThat(fail("u-1")).isEmpty();
            assertThat(fail("u-2")).isEmpty();
        }
        assertThat(fail("u-1")).isPresent();
    }

    @Test
    void aTypedNameNoAccountHasIsCountedByName() {
        for (int i = 0; i < 4; i++) {
            rule.evaluate(entries.failedUnknownLogin("Mallory", "203.0.113.7"), entries.window);
        }
        assertThat(rule.evaluate(entries.failedUnknownLogin("mallory", "203.0.113.7"), entries.window))
                .map(AlertTrigger::subject).contains("username:mallory");
    }

    @Test
    void aNewThresholdAndSeverityApplyToTheNextEntry() {
        assertThat(settings.apply(Map.of("failed-logins.threshold", "2", "failed-logins.severity", "critical")))
                .isTrue();
        assertThat(fail("u-1")).isEmpty();
        assertThat(fail("u-1")).map(AlertTrigger::severity).contains(AlertSeverity.CRITICAL);
    }

    @Test
    void aDisabledRuleRaisesNothing() {
        settings.apply(Map.of("failed-logins.enabled", "false"));
        for (int i = 0; i < 10; i++) {
            assertThat(fail("u-1")).isEmpty();
        }
    }

    @Test
    void aBadConfigurationKeepsTheRuleInForce() {
        settings.apply(Map.of("failed-logins.threshold", "3"));
        assertThat(settings.apply(Map.of("failed-logins.threshold", "0"))).isFalse();
        assertThat(fail("u-1")).isEmpty();
        assertThat(fail("u-1")).isEmpty();
        assertThat(fail("u-1")).isPresent();
    }

    @Test
    void wrongSecondFactorsCountAsFailedLogins() {
        for (int i = 0; i < 4; i++) {
            assertThat(rule.evaluate(entries.record(AuditActions.MFA_FAILED, AuditOutcome.FAILURE,
                    new AuditActor("anonymous", "alice", "rest", "203.0.113.7"), new AuditTarget("user", "u-9"),
                    Map.of("reason", "bad-code")), entries.window)).isEmpty();
        }
        assertThat(fail("u-9")).isPresent();
    }
}
