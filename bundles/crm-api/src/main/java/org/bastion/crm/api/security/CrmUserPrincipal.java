package org.bastion.crm.api.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerPrincipal;

/**
 * The JAAS principal a console login (SSH shell, web console, JMX) adds for the CRM user it admitted, so that services
 * called from the console see the same caller id and CRM roles as over REST.
 *
 * @param userId the CRM user's id (the {@link org.bastion.crm.api.Caller#id()} the user has everywhere)
 * @param username the CRM user's login name
 * @param roles the CRM roles the user held when logging in
 */
public record CrmUserPrincipal(String userId, String username, Set<String> roles) implements CallerPrincipal, Serializable {

    private static final long serialVersionUID = 1L;

    public CrmUserPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    /** The CRM user with the roles held at login, authenticated. */
    @Override
    public Caller caller() {
        return new Caller(userId, username, roles, true);
    }
}
