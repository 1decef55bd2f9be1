package org.bastion.crm.monitor.internal.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;

/**
 * Evaluates every rule in force on one entry and hands each trigger on; a rule (or its alert) that fails is logged
 * and the other rules still run.
 */
public final class RuleEvaluator {

    /** Receives a rule's trigger. */
    @FunctionalInterface
    public interface TriggerSink {
        void raise(String rule, AlertTrigger trigger, AuditRecord record);
    }

    private static final System.Logger LOG = System.getLogger(RuleEvaluator.class.getName());

    private final RuleRegistry registry;
    private final BiFunction<String, AuditRecord, RuleWindow> windows;
    private final TriggerSink sink;

    public RuleEvaluator(RuleRegistry registry, BiFunction<String, AuditRecord, RuleWindow> windows,
            TriggerSink sink) {
        this.registry = registry;
        this.windows = windows;
        this.sink = sink;
    }

    /** Evaluates every rule in force on {@code record}; how many raised or folded an alert. */
    public int evaluate(AuditRecord record) {
        int triggered = 0;
        List<AlertRule> rules = registry.active();
        for (AlertRule rule : rules) {
            String name = rule.name();
            try {
                Optional<AlertTrigger> trigger = rule.evaluate(record, windows.apply(name, record));
                if (trigger != null && trigger.isPresent()) {
                    sink.raise(name, trigger.get(), record);
                    triggered++;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "Alert rule '" + name + "' failed on audit entry #"
                        + record.sequence() + " and was skipped: " + e);
            }
        }
        return triggered;
    }
}
