package org.bastion.crm.monitor.internal.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.monitor.internal.FakeAccessRestrictions;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.junit.jupiter.api.Test;

class ResponderTest {

    private final MonitorFixture f = new MonitorFixture();
    private final UserService users = mock(UserService.class);
    private final SessionService sessions = mock(SessionService.class);

    ResponderTest() {
        ResponderWiring.bind(f.responder, f.restrictions, sessions, users, f.audit);
    }

    private AuditRecord failure() {
        return f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                new AuditActor("anonymous", "eve", "rest", "203.0.113.7"), new AuditTarget("user", "u-9"), Map.of());
    }

    private Alert raise(String rule, String subject) {
        return f.raiser.raise(rule, new AlertTrigger(subject, AlertSeverity.HIGH, "s"), failure()).alert();
    }

    @Test
    void aConfiguredLockIsAppliedAsTheSystemForThePeriodAuditedAndPosted() {
        f.settings.apply(Map.of("failed-logins.responses", "lock-account", "failed-logins.responseMinutes", "15"));
        Alert alert = raise("failed-logins", "user:u-9");
        assertThat(f.restrictions.lockedAccounts).containsEntry("u-9", Duration.ofMinutes(15));
        assertThat(f.restrictions.callers).containsExactly(Caller.SYSTEM);
        AuditEntry applied = f.audit.of(AuditActions.RESPONSE_APPLIED).get(0);
        assertThat(applied.actor()).isEqualTo(AuditActor.SYSTEM);
        assertThat(applied.details()).containsEntry("rule", "failed-logins").containsEntry("kind", "lock-account")
                .containsEntry("subject", "u-9").containsEntry("alertId", alert.id().toString());
        assertThat((String[]) f.events.last(AlertEvents.ALERT_RAISED).getProperty(AlertEvents.RESPONSES))
                .containsExactly("lock-account");
        assertThat(f.responder.of(alert.id())).singleElement().satisfies(response -> {
            assertThat(response.kind()).isEqualTo(ResponseKind.LOCK_ACCOUNT);
            assertThat(response.until()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
        });
    }

    @Test
    void foldedEntriesDoNotApplyTheResponsesAgain() {
        f.settings.apply(Map.of("failed-logins.responses", "lock-account"));
        raise("failed-logins", "user:u-9");
        raise("failed-logins", "user:u-9");
        assertThat(f.audit.of(AuditActions.RESPONSE_APPLIED)).hasSize(1);
    }

    @Test
    void anAddressIsRefusedAndSessionsEndedForTheRightSubjects() {
        f.settings.apply(Map.of("credential-stuffing.responses", "refuse-address",
                "failed-logins.responses", "end-sessions"));
        raise("credential-stuffing", "address:203.0.113.50");
        assertThat(f.restrictions.refusedAddresses).containsKey("203.0.113.50");
        raise("failed-logins", "user:u-9");
        verify(sessions).revokeAllOf("u-9");
    }

    @Test
    void aTypedUsernameIsLockedThroughItsAccountAndAnUnknownOneIsSkipped() {
        f.settings.apply(Map.of("failed-logins.responses", "lock-account"));
        org.bastion.crm.api.security.User eve = mock(org.bastion.crm.api.security.User.class);
        when(eve.id()).thenReturn("u-eve");
        when(users.findByUsername("eve")).thenReturn(java.util.Optional.of(eve));
        when(users.findByUsername("nobody")).thenReturn(java.util.Optional.empty());
        raise("failed-logins", "username:eve");
        assertThat(f.restrictions.lockedAccounts).containsKey("u-eve");
        Alert skipped = f.raiser.raise("failed-logins", new AlertTrigger("username:nobody", AlertSeverity.HIGH, "s"),
                f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                        new AuditActor("anonymous", "nobody", "rest", "x"), null, Map.of())).alert();
        assertThat(f.responder.of(skipped.id())).isEmpty();
    }

    @Test
    void aMissingServiceOrAFailingResponseLeavesTheAlertRaisedWithoutIt() {
        ResponderWiring.bind(f.responder, null, null, users, f.audit);
        f.settings.apply(Map.of("failed-logins.responses", "lock-account"));
        Alert alert = raise("failed-logins", "user:u-9");
        assertThat(f.alerts.find(alert.id())).isPresent();
        assertThat(f.responder.of(alert.id())).isEmpty();
        assertThat(f.audit.of(AuditActions.RESPONSE_APPLIED)).isEmpty();
    }

    @Test
    void anAdministratorUndoesLocksAndRefusalsOnceAudited() {
        f.settings.apply(Map.of("failed-logins.responses", "lock-account,end-sessions,refuse-address"));
        Alert alert = raise("failed-logins", "user:u-9");
        assertThat(f.restrictions.refusedAddresses).containsKey("203.0.113.7");
        List<AppliedResponse> undone = f.service.undoResponses(alert.id());
        assertThat(undone).extracting(AppliedResponse::kind)
                .containsExactlyInAnyOrder(ResponseKind.LOCK_ACCOUNT, ResponseKind.REFUSE_ADDRESS);
        verify(users).unlock("u-9");
        assertThat(f.restrictions.refusedAddresses).isEmpty();
        assertThat(f.audit.of(AuditActions.RESPONSE_UNDONE)).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.actor()).isNull());
        assertThat(f.responder.of(alert.id())).filteredOn(r -> r.undoneAt() != null)
                .allSatisfy(r -> assertThat(r.undoneBy()).isEqualTo(MonitorFixture.ADMIN.id())).hasSize(2);
        assertThat(f.service.undoResponses(alert.id())).isEmpty();
    }

    @Test
    void theSystemCallerIsBoundOnlyWhileTheResponseRuns() {
        assertThat(FakeAccessRestrictions.currentCaller()).isEqualTo(Caller.ANONYMOUS);
        f.settings.apply(Map.of("failed-logins.responses", "lock-account"));
        raise("failed-logins", "user:u-9");
        assertThat(FakeAccessRestrictions.currentCaller()).isEqualTo(Caller.ANONYMOUS);
    }
}
