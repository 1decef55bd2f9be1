package org.bastion.crm.monitor.internal.engine;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports the rules engine: the rules in force and how many entries wait (degraded past half the queue). */
@Component(service = HealthContributor.class)
public final class MonitorHealth implements HealthContributor {

    private final RuleEngine engine;

    @Activate
    public MonitorHealth(@Reference RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public ComponentHealth check() {
        int waiting = engine.backlog();
        String detail = engine.ruleNames().size() + " rules in force, " + waiting + " audit entries waiting";
        return new ComponentHealth("monitor", waiting > RuleEngine.QUEUE / 2 ? HealthState.DEGRADED : HealthState.UP,
                detail);
    }
}
