package org.bastion.crm.monitor.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.junit.jupiter.api.Test;

class AlertServiceImplTest {

    private final MonitorFixture f = new MonitorFixture();

    private Alert raise(String rule, String subject, AlertSeverity severity) {
        Alert alert = f.raiser.raise(rule, new AlertTrigger(subject, severity, "summary"),
                f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE, AuditActor.SYSTEM, null, Map.of())).alert();
        f.clock.advance(Duration.ofSeconds(1));
        return alert;
    }

    @Test
    void alertsAreListedNewestFirstWithFiltersAndPages() {
        Alert a = raise("failed-logins", "user:1", AlertSeverity.HIGH);
        Alert b = raise("new-address", "user:1", AlertSeverity.MEDIUM);
        Alert c = raise("failed-logins", "user:2", AlertSeverity.HIGH);
        assertThat(f.service.list(AlertQuery.ALL, PageRequest.first()).items()).extracting(Alert::id)
                .containsExactly(c.id(), b.id(), a.id());
        Page<Alert> rule = f.service.list(new AlertQuery(Optional.of("failed-logins"), Optional.empty(),
                Optional.empty()), new PageRequest(1, 1, List.of()));
        assertThat(rule.total()).isEqualTo(2);
        assertThat(rule.items()).extracting(Alert::id).containsExactly(a.id());
        assertThat(f.service.list(new AlertQuery(Optional.empty(), Optional.empty(),
                Optional.of(AlertSeverity.MEDIUM)), PageRequest.first()).items()).extracting(Alert::id)
                .containsExactly(b.id());
        f.service.resolve(a.id(), null);
        assertThat(f.service.list(new AlertQuery(Optional.empty(), Optional.of(AlertState.RESOLVED),
                Optional.empty()), PageRequest.first()).items()).extracting(Alert::id).containsExactly(a.id());
    }

    @Test
    void anAuditorReadsButCannotManageAndOthersCannotRead() {
        Alert alert = raise("failed-logins", "user:1", AlertSeverity.HIGH);
        f.caller = MonitorFixture.AUDITOR;
        assertThat(f.service.get(alert.id())).isEqualTo(alert);
        assertThatThrownBy(() -> f.service.acknowledge(alert.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.service.undoResponses(alert.id())).isInstanceOf(AccessDeniedException.class);
        f.caller = MonitorFixture.SALES;
        assertThatThrownBy(() -> f.service.list(AlertQuery.ALL, PageRequest.first()))
                .isInstanceOf(AccessDeniedException.class);
        f.caller = org.bastion.crm.api.Caller.ANONYMOUS;
        assertThatThrownBy(() -> f.service.get(alert.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void acknowledgingIsAuditedPostedAndKeepsTheAlertFolding() {
        Alert alert = raise("failed-logins", "user:1", AlertSeverity.HIGH);
        Alert acknowledged = f.service.acknowledge(alert.id(), "looking");
        assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acknowledged.updatedBy()).isEqualTo(MonitorFixture.ADMIN.id());
        AuditEntry entry = f.audit.of(AuditActions.ALERT_ACKNOWLEDGED).get(0);
        assertThat(entry.target().id()).isEqualTo(alert.id().toString());
        assertThat(entry.details()).containsEntry("rule", "failed-logins");
        assertThat(f.events.last(AlertEvents.ALERT_CHANGED).getProperty(AlertEvents.STATE)).isEqualTo("acknowledged");
        assertThat(f.service.acknowledge(alert.id(), null).state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(f.audit.of(AuditActions.ALERT_ACKNOWLEDGED)).hasSize(1);
    }

    @Test
    void resolvingIsAuditedAndAResolvedAlertCannotBeAcknowledged() {
        Alert alert = raise("failed-logins", "user:1", AlertSeverity.HIGH);
        assertThat(f.service.resolve(alert.id(), "done").state()).isEqualTo(AlertState.RESOLVED);
        assertThat(f.audit.of(AuditActions.ALERT_RESOLVED)).hasSize(1);
        assertThatThrownBy(() -> f.service.acknowledge(alert.id(), null)).isInstanceOf(ConflictException.class);
        assertThat(f.service.resolve(alert.id(), null).state()).isEqualTo(AlertState.RESOLVED);
        assertThat(f.audit.of(AuditActions.ALERT_RESOLVED)).hasSize(1);
    }

    @Test
    void unknownAlertsLongNotesAndSortsAreRefused() {
        assertThatThrownBy(() -> f.service.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        Alert alert = raise("failed-logins", "user:1", AlertSeverity.HIGH);
        assertThatThrownBy(() -> f.service.resolve(alert.id(), "x".repeat(501)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.service.list(AlertQuery.ALL, new PageRequest(0, 5,
                org.bastion.crm.api.SortKey.parseList("rule")))).isInstanceOf(ValidationException.class);
        assertThat(f.service.get(alert.id()).state()).isEqualTo(AlertState.OPEN);
    }
}
