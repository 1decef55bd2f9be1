package org.bastion.crm.security.internal.rest;

import java.util.List;

import org.bastion.crm.api.security.User;

/**
 * A user's roles on the wire.
 *
 * @param userId the user's id
 * @param roles the roles the user holds, sorted
 */
public record RolesBody(String userId, List<String> roles) {

    /** The roles of {@code user}. */
    static RolesBody of(User user) {
        return new RolesBody(user.id(), user.roles().stream().sorted().toList());
    }
}
