package org.bastion.crm.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling a service: a user id, a display name and the roles the caller holds.
 *
 * @param id stable user id, used as the {@code owner} of records the caller creates
 * @param displayName a human-readable name, for logs and audit trails
 * @param roles the role names the caller holds (empty until the permission bundle assigns some)
 * @param authenticated whether the caller proved who it is (false for the anonymous caller)
 */
public record Caller(String id, String displayName, Set<String> roles, boolean authenticated) {

    /** The caller used when no one is authenticated. */
    public static final Caller ANONYMOUS = new Caller("anonymous", "Anonymous", Set.of(), false);

    /** The caller used for work the system does on its own behalf (migrations, scheduled jobs). */
    public static final Caller SYSTEM = new Caller("system", "System", Set.of(), true);

    public Caller {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("caller id must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
