package org.bastion.crm.api.audit;

import java.util.Objects;

/**
 * Who did a recorded action and from where.
 *
 * @param userId the user id ({@code anonymous} before authentication, {@code system} for the CRM's own jobs)
 * @param username the username or display name at the time (for a failed login: as typed, at most 64 characters)
 * @param channel how the actor reached the CRM: {@code rest}, {@code ssh}, {@code console}, {@code webconsole},
 *        {@code jmx}, {@code system}
 * @param address the client's network address, {@code unknown} when there is none (console, system jobs)
 */
public record AuditActor(String userId, String username, String channel, String address) {

    /** The actor of work the CRM does on its own behalf (scheduled jobs, bundle and configuration events). */
    public static final AuditActor SYSTEM = new AuditActor("system", "system", "system", "unknown");

    public AuditActor {
        Objects.requireNonNull(userId, "userId");
        username = username == null || username.isBlank() ? userId : cut(username, 64);
        channel = channel == null || channel.isBlank() ? "unknown" : cut(channel, 16);
        address = address == null || address.isBlank() ? "unknown" : cut(address, 64);
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
