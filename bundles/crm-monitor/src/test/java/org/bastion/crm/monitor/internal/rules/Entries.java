package org.bastion.crm.monitor.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.testing.MutableClock;

/** Audit records as the CRM's bundles record them, at a clock the test moves, with a window on the same clock. */
final class Entries {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final FakeRuleWindow window = new FakeRuleWindow(clock::instant);
    private long sequence;

    AuditRecord record(String action, AuditOutcome outcome, AuditActor actor, AuditTarget target,
            Map<String, String> details) {
        return new AuditRecord(++sequence, clock.instant(), actor, action, target, outcome, details, List.of());
    }

    /** A failed login for a known account, as crm-security records it. */
    AuditRecord failedLogin(String userId, String username, String address) {
        return record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                new AuditActor("anonymous", username, "rest", address), new AuditTarget("user", userId),
                Map.of("reason", "bad-password"));
    }

    /** A failed login for a name no account has. */
    AuditRecord failedUnknownLogin(String typed, String address) {
        return record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                new AuditActor("anonymous", typed, "rest", address), null, Map.of("reason", "unknown-user"));
    }

    AuditRecord login(String userId, String address) {
        return record(AuditActions.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS,
                new AuditActor(userId, userId + "-name", "rest", address), new AuditTarget("user", userId),
                Map.of("session", "s1"));
    }

    AuditRecord by(String userId, String action, AuditTarget target, Map<String, String> details) {
        return record(action, AuditOutcome.SUCCESS, new AuditActor(userId, userId, "rest", "198.51.100.1"), target,
                details);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }
}
