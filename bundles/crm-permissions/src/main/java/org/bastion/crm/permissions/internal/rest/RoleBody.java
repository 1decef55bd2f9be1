package org.bastion.crm.permissions.internal.rest;

import java.util.List;

import org.bastion.crm.api.permissions.Role;

/**
 * A role on the wire.
 *
 * @param name the role's name
 * @param description what the role is for; absent when it has none
 * @param permissions the permissions granted, sorted
 * @param builtIn whether the role is built in (read-only)
 * @param undefined those permissions no installed bundle defines now, sorted
 */
public record RoleBody(String name, String description, List<String> permissions, boolean builtIn,
                       List<String> undefined) {

    static RoleBody of(Role role) {
        return new RoleBody(role.name(), role.description(), List.copyOf(role.permissions()), role.builtIn(),
                List.copyOf(role.undefined()));
    }
}
