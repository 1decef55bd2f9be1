package org.bastion.crm.monitor.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bastion.crm.api.audit.AuditListener;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.monitor.internal.alert.AlertRaiser;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.monitor.internal.window.DbRuleWindow;
import org.bastion.crm.monitor.internal.window.WindowStore;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The rules engine: told of each audit entry recorded on this node ({@link AuditListener}), it hands the entry to its
 * own thread (the audit bundle's is never held up; a full queue makes the caller evaluate, nothing is dropped), where
 * every registered {@link AlertRule} (whiteboard) judges it with a database window, and prunes old marks once a minute.
 */
@Component(service = {AuditListener.class, RuleEngine.class})
public class RuleEngine implements AuditListener {

    /** How many entries may wait for evaluation before the caller evaluates itself. */
    static final int QUEUE = 10_000;

    private static final System.Logger LOG = System.getLogger(RuleEngine.class.getName());
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final RuleRegistry registry = new RuleRegistry();
    private final WindowStore windows;
    private final MonitorSettingsHolder settings;
    private final RuleEvaluator evaluator;
    private final ThreadPoolExecutor executor;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastPrune = Instant.EPOCH;

    @Activate
    public RuleEngine(@Reference WindowStore windows, @Reference AlertRaiser raiser,
            @Reference MonitorSettingsHolder settings) {
        this.windows = windows;
        this.settings = settings;
        this.evaluator = new RuleEvaluator(registry,
                (rule, record) -> new DbRuleWindow(windows, rule, record.sequence(), record.time()), raiser::raise);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "crm-monitor-rules");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Reference(service = AlertRule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addRule(AlertRule rule, org.osgi.framework.ServiceReference<AlertRule> reference) {
        Bundle bundle = reference.getBundle();
        registry.add(rule, bundle == null ? "an unknown bundle" : bundle.getSymbolicName());
    }

    void removeRule(AlertRule rule) {
        registry.remove(rule);
    }

    @Override
    public void recorded(AuditRecord record) {
        executor.execute(() -> evaluate(record));
    }

    private void evaluate(AuditRecord record) {
        try {
            evaluator.evaluate(record);
            pruneNow();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Monitoring could not evaluate audit entry #" + record.sequence()
                    + ": " + e);
        }
    }

    private void pruneNow() {
        Instant now = clock.instant();
        if (now.isBefore(lastPrune.plus(PRUNE_EVERY))) {
            return;
        }
        lastPrune = now;
        windows.prune(now.minus(settings.current().markRetention()));
    }

    /** The names of the rules in force. */
    public java.util.List<String> ruleNames() {
        return registry.names();
    }

    /** How many entries wait for evaluation. */
    public int backlog() {
        return executor.getQueue().size();
    }

    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "Monitoring stopped with " + executor.shutdownNow().size()
                    + " audit entries not evaluated");
        }
    }
}
