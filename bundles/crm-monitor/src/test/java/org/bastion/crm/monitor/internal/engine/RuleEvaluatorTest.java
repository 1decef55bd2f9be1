package org.bastion.crm.monitor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private final RuleRegistry registry = new RuleRegistry();
    private final List<String> raised = new ArrayList<>();
    private final RuleEvaluator evaluator = new RuleEvaluator(registry, (rule, record) -> null,
            (rule, trigger, record) -> raised.add(rule + ":" + trigger.subject()));
    private final AuditRecord record = new AuditRecord(1, java.time.Instant.now(), AuditActor.SYSTEM, "x.y", null,
            AuditOutcome.SUCCESS, Map.of(), List.of());

    private static AlertRule rule(String name, String subject) {
        return new AlertRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
                return Optional.of(new AlertTrigger(subject, AlertSeverity.LOW, "s"));
            }
        };
    }

    @Test
    void aThrowingRuleDoesNotStopTheOthers() {
        registry.add(rule("first", "a"), "test");
        registry.add(new AlertRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
                throw new IllegalStateException("boom");
            }
        }, "test");
        registry.add(rule("last", "b"), "test");
        assertThat(evaluator.evaluate(record)).isEqualTo(2);
        assertThat(raised).containsExactly("first:a", "last:b");
    }

    @Test
    void aFailingAlertDoesNotStopTheOtherRules() {
        registry.add(rule("first", "a"), "test");
        registry.add(rule("last", "b"), "test");
        List<String> seen = new ArrayList<>();
        RuleEvaluator failing = new RuleEvaluator(registry, (rule, r) -> null, (rule, trigger, r) -> {
            seen.add(rule);
            if (rule.equals("first")) {
                throw new IllegalStateException("database down");
            }
        });
        assertThat(failing.evaluate(record)).isEqualTo(1);
        assertThat(seen).containsExactly("first", "last");
    }

    @Test
    void aDuplicateNameIsIgnoredUntilTheFirstRuleLeaves() {
        AlertRule original = rule("dup", "original");
        registry.add(original, "a");
        registry.add(rule("dup", "copy"), "b");
        evaluator.evaluate(record);
        assertThat(raised).containsExactly("dup:original");
        registry.remove(original);
        evaluator.evaluate(record);
        assertThat(raised).containsExactly("dup:original", "dup:copy");
    }

    @Test
    void rulesWithBadNamesAreIgnored() {
        registry.add(rule("Not Valid", "x"), "a");
        registry.add(rule(null, "x"), "a");
        assertThat(registry.names()).isEmpty();
        assertThat(evaluator.evaluate(record)).isZero();
    }
}
