package org.bastion.crm.monitor.internal.delivery;

/** A channel that delivers alerts with retries and reports its state to {@link DeliveryHealth}. */
public interface DeliveryChannel {

    /** Its state now; must not block. */
    ChannelStatus status();
}
