package org.bastion.crm.monitor.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.monitor.internal.response.ResponseKind;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

    @Test
    void noPropertiesMeanTheDefaults() {
        MonitorSettings settings = SettingsParser.parse(Map.of("service.pid", "org.bastion.crm.monitor",
                "felix.fileinstall.filename", "file:/etc/org.bastion.crm.monitor.cfg", "component.id", 7L));
        assertThat(settings).isEqualTo(MonitorSettings.DEFAULTS);
        assertThat(settings.rule("failed-logins").threshold()).isEqualTo(5);
        assertThat(settings.rule("failed-logins").window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everySettingIsRead() {
        MonitorSettings settings = SettingsParser.parse(Map.of("failed-logins.threshold", "7",
                "failed-logins.windowSeconds", 120, "failed-logins.severity", "Critical",
                "failed-logins.responses", "lock-account, end-sessions", "failed-logins.responseMinutes", "15",
                "new-address.enabled", "false", "off-hours-admin.start", "08:30", "markRetentionHours", "48"));
        RuleSettings rule = settings.rule("failed-logins");
        assertThat(rule.threshold()).isEqualTo(7);
        assertThat(rule.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rule.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(rule.responses()).isEqualTo(Set.of(ResponseKind.LOCK_ACCOUNT, ResponseKind.END_SESSIONS));
        assertThat(rule.responsePeriod()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.rule("new-address").enabled()).isFalse();
        assertThat(settings.offHours().start()).isEqualTo(LocalTime.of(8, 30));
        assertThat(settings.markRetention()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void anUnknownRuleIsRefusedByName() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("failed-login.threshold", "3")))
                .hasMessageContaining("unknown rule 'failed-login'");
    }

    @Test
    void zeroNegativeAndNonNumericThresholdsAreRefused() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("failed-logins.threshold", "0")))
                .hasMessageContaining("failed-logins.threshold must be a whole number above 0, not '0'");
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("mass-read.windowSeconds", "-5")))
                .hasMessageContaining("mass-read.windowSeconds");
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("credential-stuffing.threshold", "many")))
                .hasMessageContaining("credential-stuffing.threshold");
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("failed-logins.threshold", "-1",
                "privilege-change.threshold", "3", "new-address.severity", "loud", "mass-read.responses", "ban",
                "off-hours-admin.zone", "Mars/Olympus")))
                .hasMessageContaining("failed-logins.threshold")
                .hasMessageContaining("unknown setting privilege-change.threshold")
                .hasMessageContaining("new-address.severity")
                .hasMessageContaining("unknown response 'ban'")
                .hasMessageContaining("off-hours-admin.zone");
    }

    @Test
    void theHolderKeepsTheSettingsInForceWhenANewConfigurationIsWrong() {
        MonitorSettingsHolder holder = new MonitorSettingsHolder(Map.of("failed-logins.threshold", "3"));
        holder.modified(Map.of("failed-logins.threshold", "10", "no-such-rule.threshold", "1"));
        assertThat(holder.current().rule("failed-logins").threshold()).isEqualTo(3);
        holder.modified(Map.of("failed-logins.threshold", "10"));
        assertThat(holder.current().rule("failed-logins").threshold()).isEqualTo(10);
    }
}
