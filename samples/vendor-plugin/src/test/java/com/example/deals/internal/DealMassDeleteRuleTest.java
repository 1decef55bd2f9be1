package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;
import org.junit.jupiter.api.Test;

class DealMassDeleteRuleTest {

    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final List<String> keys = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    private final DealMassDeleteRule rule = new DealMassDeleteRule();

    /** A window in memory: counts the marks of a key within the window up to now. */
    private final RuleWindow window = new RuleWindow() {
        @Override
        public long mark(String key, Duration within, long countUpTo) {
            keys.add(key);
            times.add(now);
            long count = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).equals(key) && times.get(i).isAfter(now.minus(within))) {
                    count++;
                }
            }
            return Math.min(count, countUpTo);
        }

        @Override
        public long markDistinct(String key, String value, Duration within, long countUpTo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean firstSeen(String key, String value) {
            throw new UnsupportedOperationException();
        }
    };

    private java.util.Optional<AlertTrigger> deleted(String user) {
        return rule.evaluate(new AuditRecord(1, now, new AuditActor(user, user, "rest", "x"), "deal.deleted",
                new AuditTarget("deal", "d"), AuditOutcome.SUCCESS, Map.of(), List.of()), window);
    }

    @Test
    void theTenthDeletionByOneUserWithinTenMinutesAlerts() {
        for (int i = 0; i < 9; i++) {
            assertThat(deleted("u-1")).isEmpty();
            assertThat(deleted("u-2")).isEmpty();
        }
        assertThat(deleted("u-1")).map(AlertTrigger::subject).contains("user:u-1");
    }

    @Test
    void deletionsOutsideTheWindowAndOtherActionsDoNotCount() {
        for (int i = 0; i < 9; i++) {
            deleted("u-1");
        }
        now = now.plus(Duration.ofMinutes(11));
        assertThat(deleted("u-1")).isEmpty();
        assertThat(rule.evaluate(new AuditRecord(2, now, new AuditActor("u-1", "u", "rest", "x"), "deal.updated",
                null, AuditOutcome.SUCCESS, Map.of(), List.of()), window)).isEmpty();
    }
}
