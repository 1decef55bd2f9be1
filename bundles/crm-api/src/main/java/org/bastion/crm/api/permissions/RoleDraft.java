package org.bastion.crm.api.permissions;

import java.util.Set;

/**
 * What an administrator gives to create or replace a custom role.
 *
 * @param name the role's name (ignored on update: a role keeps its name)
 * @param description what the role is for, or null
 * @param permissions the permissions to grant; each must be defined by an installed bundle, or be {@code *} or
 *                    {@code domain:*} of a defined domain
 */
public record RoleDraft(String name, String description, Set<String> permissions) {

    public RoleDraft {
        permissions = permissions == null ? null : Set.copyOf(permissions);
    }
}
