package org.bastion.crm.permissions.internal.rest;

import java.util.List;

/**
 * The body of {@code PUT /roles/{name}}: the role's new description and the whole new set of permissions.
 *
 * @param description what the role is for, or absent
 * @param permissions the permissions the role grants from now on
 */
public record RoleUpdateRequest(String description, List<String> permissions) {
}
