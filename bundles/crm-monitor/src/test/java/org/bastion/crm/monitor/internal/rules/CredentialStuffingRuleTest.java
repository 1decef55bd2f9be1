package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class CredentialStuffingRuleTest {

    private final Entries entries = new Entries();
    private final CredentialStuffingRule rule = new CredentialStuffingRule(new MonitorSettingsHolder());

    @Test
    void failuresForFiveDistinctAccountsFromOneAddressRaiseACriticalAlertAboutTheAddress() {
        for (int i = 1; i <= 4; i++) {
            assertThat(rule.evaluate(entries.failedLogin("u-" + i, "n" + i, "203.0.113.9"), entries.window)).isEmpty();
        }
        AlertTrigger trigger = rule.evaluate(entries.failedUnknownLogin("ghost", "203.0.113.9"), entries.window)
                .orElseThrow();
        assertThat(trigger.subject()).isEqualTo("address:203.0.113.9");
        assertThat(trigger.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(trigger.summary()).contains("5 accounts");
    }

    @Test
    void repeatedFailuresForOneAccountAreNotStuffing() {
        for (int i = 0; i < 20; i++) {
            assertThat(rule.evaluate(entries.failedLogin("u-1", "n", "203.0.113.9"), entries.window)).isEmpty();
        }
    }

    @Test
    void accountsFromDifferentAddressesOrOutsideTheWindowDoNotCount() {
        for (int i = 1; i <= 4; i++) {
            rule.evaluate(entries.failedLogin("u-" + i, "n", "203.0.113.9"), entries.window);
        }
        assertThat(rule.evaluate(entries.failedLogin("u-5", "n", "203.0.113.10"), entries.window)).isEmpty();
        entries.advance(Duration.ofMinutes(11));
        assertThat(rule.evaluate(entries.failedLogin("u-5", "n", "203.0.113.9"), entries.window)).isEmpty();
    }

    @Test
    void failuresWithoutAnAddressAreIgnored() {
        for (int i = 1; i <= 6; i++) {
            assertThat(rule.evaluate(entries.failedLogin("u-" + i, "n", null), entries.window)).isEmpty();
        }
    }
}
