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
 * @param configurationProblem what is wrong with the channel's configuration (one line, no secret), or null
 * @param lastFailure the latest failed attempt while failing (one line, no secret), or null
 */
public record ChannelStatus(String channel, boolean configured, boolean failing, int pending, long delivered,
        long givenUp, String configurationProblem, String lastFailure) {

    /** Whether the channel needs an operator's look. */
    public boolean degraded() {
        return failing || configurationProblem != null;
    }

    /** The latest failure, else the configuration problem, else null. */
    public String problem() {
        return configurationProblem != null ? configurationProblem : lastFailure;
    }
}
