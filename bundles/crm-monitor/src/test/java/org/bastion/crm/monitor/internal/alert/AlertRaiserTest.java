package org.bastion.crm.monitor.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class AlertRaiserTest {

    private final MonitorFixture f = new MonitorFixture();
    private final AlertTrigger trigger = new AlertTrigger("user:u-9", AlertSeverity.HIGH, "5 failed logins");

    private AuditRecord failure() {
        return f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                new AuditActor("anonymous", "eve", "rest", "203.0.113.7"), new AuditTarget("user", "u-9"), Map.of());
    }

    @Test
    void aFirstTriggerRaisesAnOpenAlertPostedWithEveryProperty() {
        AuditRecord record = failure();
        Folded folded = f.raiser.raise("failed-logins", trigger, record);
        assertThat(folded.kind()).isEqualTo(Folded.Kind.RAISED);
        Alert alert = folded.alert();
        assertThat(alert.state()).isEqualTo(AlertState.OPEN);
        assertThat(alert.count()).isEqualTo(1);
        Event event = f.events.last(AlertEvents.ALERT_RAISED);
        assertThat(event.getProperty(AlertEvents.ID)).isEqualTo(alert.id().toString());
        assertThat(event.getProperty(AlertEvents.RULE)).isEqualTo("failed-logins");
        assertThat(event.getProperty(AlertEvents.SEVERITY)).isEqualTo("high");
        assertThat(event.getProperty(AlertEvents.SUBJECT)).isEqualTo("user:u-9");
        assertThat(event.getProperty(AlertEvents.STATE)).isEqualTo("open");
        assertThat(event.getProperty(AlertEvents.SUMMARY)).isEqualTo("5 failed logins");
        assertThat(event.getProperty(AlertEvents.COUNT)).isEqualTo(1L);
        assertThat(event.getProperty(AlertEvents.FIRST_SEQUENCE)).isEqualTo(record.sequence());
        assertThat(event.getProperty(AlertEvents.LAST_SEQUENCE)).isEqualTo(record.sequence());
        assertThat(event.getProperty(AlertEvents.RAISED_AT)).isEqualTo(f.clock.instant().toEpochMilli());
        assertThat((String[]) event.getProperty(AlertEvents.RESPONSES)).isEmpty();
    }

    @Test
    void laterTriggersOfTheSameRuleAndSubjectFoldIntoTheOpenAlert() {
        Alert first = f.raiser.raise("failed-logins", trigger, failure()).alert();
        f.clock.advance(Duration.ofSeconds(5));
        AuditRecord second = failure();
        Folded folded = f.raiser.raise("failed-logins", trigger, second);
        assertThat(folded.kind()).isEqualTo(Folded.Kind.REPEATED);
        assertThat(folded.alert().id()).isEqualTo(first.id());
        assertThat(folded.alert().count()).isEqualTo(2);
        assertThat(folded.alert().lastSequence()).isEqualTo(second.sequence());
        assertThat(f.alerts.find(first.id()).orElseThrow().count()).isEqualTo(2);
        assertThat(f.events.of(AlertEvents.ALERT_RAISED)).hasSize(1);
        assertThat(f.events.last(AlertEvents.ALERT_REPEATED).getProperty(AlertEvents.COUNT)).isEqualTo(2L);
    }

    @Test
    void anEntryToldTwiceFoldsOnce() {
        AuditRecord record = failure();
        Alert alert = f.raiser.raise("failed-logins", trigger, record).alert();
        assertThat(f.raiser.raise("failed-logins", trigger, record).kind()).isEqualTo(Folded.Kind.ALREADY_FOLDED);
        assertThat(f.alerts.find(alert.id()).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void otherSubjectsAndRulesGetTheirOwnAlerts() {
        Alert first = f.raiser.raise("failed-logins", trigger, failure()).alert();
        Alert other = f.raiser.raise("failed-logins", new AlertTrigger("user:u-8", AlertSeverity.HIGH, "x"),
                failure()).alert();
        Alert otherRule = f.raiser.raise("new-address", trigger, failure()).alert();
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(otherRule.id()).isNotEqualTo(first.id());
    }

    @Test
    void anAcknowledgedAlertStillFoldsAndAResolvedOneLetsANewAlertBeRaised() {
        Alert first = f.raiser.raise("failed-logins", trigger, failure()).alert();
        f.service.acknowledge(first.id(), null);
        assertThat(f.raiser.raise("failed-logins", trigger, failure()).alert().id()).isEqualTo(first.id());
        f.service.resolve(first.id(), "handled");
        Folded next = f.raiser.raise("failed-logins", trigger, failure());
        assertThat(next.kind()).isEqualTo(Folded.Kind.RAISED);
        assertThat(next.alert().id()).isNotEqualTo(first.id());
    }
}
