package org.bastion.crm.monitor.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Health {@code alert-delivery}: DEGRADED while a configured channel fails (deliveries wait for a retry) or is
 * misconfigured, UP otherwise. The detail names each configured channel with its counts and whether it fails or is
 * misconfigured, never a host, URL or failure text (the health report is public): those are in the log.
 */
@Component(service = HealthContributor.class)
public class DeliveryHealth implements HealthContributor {

    private final List<DeliveryChannel> channels = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(DeliveryChannel channel) {
        channels.add(channel);
    }

    void removeChannel(DeliveryChannel channel) {
        channels.remove(channel);
    }

    @Override
    public ComponentHealth check() {
        boolean degraded = false;
        List<String> parts = new ArrayList<>();
        for (DeliveryChannel channel : channels) {
            ChannelStatus status = channel.status();
            if (!status.configured()) {
                continue;
            }
            degraded |= status.degraded();
            parts.add(status.channel() + ": " + (status.failing() ? "failing" : "ok") + ", " + status.pending()
                    + " pending, " + status.delivered() + " delivered, " + status.givenUp() + " given up"
                    + (status.configurationProblem() == null ? "" : ", configuration refused in part (see the log)"));
        }
        String detail = parts.isEmpty() ? "server-sent events only (no webhook or e-mail configured)"
                : String.join("; ", parts);
        return new ComponentHealth("alert-delivery", degraded ? HealthState.DEGRADED : HealthState.UP, detail);
    }
}
