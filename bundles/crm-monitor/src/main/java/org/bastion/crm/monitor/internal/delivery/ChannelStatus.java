package org.bastion.crm.monitor.internal.delivery;

/**
 * What one delivery channel reports for health.
 *
 * @param channel {@code webhook} or {@code email}
 * @param configured whether it is configured at all
 * @param failing whether its latest attempt failed
 * @param pending deliveries waiting for a (re)try
 * @param delivered deliveries that succeeded since start
 * @param givenUp deliveries given up (attempts exhausted, or the queue was full)
 * @param problem the latest failure or configuration problem, one line without secrets, or null
 */
public record ChannelStatus(String channel, boolean configured, boolean failing, int pending, long delivered,
        long givenUp, String problem) {

    /** Whether the channel needs an operator's look. */
    public boolean degraded() {
        return failing || problem != null && configured;
    }
}
