package org.bastion.crm.monitor.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.junit.jupiter.api.Test;

class MassReadRuleTest {

    private final Entries entries = new Entries();
    private final MonitorSettingsHolder settings = new MonitorSettingsHolder();
    private final MassReadRule rule = new MassReadRule(settings);

    private static String ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "c-" + i).collect(Collectors.joining(","));
    }

    @Test
    void readingMoreThanTheThresholdOfDistinctContactsRaisesAnAlertAboutTheReader() {
        settings.apply(Map.of("mass-read.threshold", "25"));
        assertThat(rule.evaluate(entries.by("u-1", AuditActions.CONTACT_LISTED, null, Map.of("ids", ids(0, 20))),
                entries.window)).isEmpty();
        assertThat(rule.evaluate(entries.by("u-1", AuditActions.CONTACT_LISTED, null, Map.of("ids", ids(10, 25))),
                entries.window)).isEmpty();
        AlertTrigger trigger = rule.evaluate(entries.by("u-1", AuditActions.CONTACT_READ,
                new AuditTarget("contact", "c-99"), Map.of()), entries.window).orElseThrow();
        assertThat(trigger.subject()).isEqualTo("user:u-1");
        assertThat(trigger.summary()).startsWith("26 contacts read");
    }

    @Test
    void readsOutsideTheWindowAndOtherUsersReadsDoNotCount() {
        settings.apply(Map.of("mass-read.threshold", "3", "mass-read.windowSeconds", "60"));
        rule.evaluate(entries.by("u-1", AuditActions.CONTACT_LISTED, null, Map.of("ids", ids(0, 3))), entries.window);
        rule.evaluate(entries.by("u-2", AuditActions.CONTACT_READ, new AuditTarget("contact", "c-7"), Map.of()),
                entries.window);
        entries.advance(Duration.ofSeconds(61));
        assertThat(rule.evaluate(entries.by("u-1", AuditActions.CONTACT_READ, new AuditTarget("contact", "c-8"),
                Map.of()), entries.window)).isEmpty();
    }

    @Test
    void aLongPageCountsEveryPartOfItsIds() {
        settings.apply(Map.of("mass-read.threshold", "150"));
        assertThat(rule.evaluate(entries.by("u-1", AuditActions.CONTACT_LISTED, null,
                Map.of("ids", ids(0, 100), "ids.2", ids(100, 151), "count", "151")), entries.window))
                .map(AlertTrigger::summary).contains("151 contacts read by one user within 10 minutes");
    }

    @Test
    void anyExportAlertsAtOnce() {
        assertThat(rule.evaluate(entries.by("u-1", AuditActions.CONTACT_EXPORTED, null, Map.of("count", "3")),
                entries.window)).map(AlertTrigger::summary).contains("contacts exported");
    }
}
