package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class NewAddressRuleTest {

    private final Entries entries = new Entries();
    private final NewAddressRule rule = new NewAddressRule(new MonitorSettingsHolder());

    @Test
    void theFirstLoginEverOfAUserDoesNotAlert() {
        assertThat(rule.evaluate(entries.login("u-1", "203.0.113.1"), entries.window)).isEmpty();
    }

    @Test
    void aLoginFromAKnownAddressDoesNotAlert() {
        rule.evaluate(entries.login("u-1", "203.0.113.1"), entries.window);
        assertThat(rule.evaluate(entries.login("u-1", "203.0.113.1"), entries.window)).isEmpty();
    }

    @Test
    void aLoginFromAnAddressNeverSeenForThatUserAlertsOnce() {
        rule.evaluate(entries.login("u-1", "203.0.113.1"), entries.window);
        rule.evaluate(entries.login("u-2", "203.0.113.2"), entries.window);
        AlertTrigger trigger = rule.evaluate(entries.login("u-1", "203.0.113.2"), entries.window).orElseThrow();
        assertThat(trigger.subject()).isEqualTo("user:u-1");
        assertThat(trigger.summary()).doesNotContain("203.0.113.2");
        assertThat(rule.evaluate(entries.login("u-1", "203.0.113.2"), entries.window)).isEmpty();
    }
}
