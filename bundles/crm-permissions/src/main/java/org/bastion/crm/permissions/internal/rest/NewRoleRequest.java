package org.bastion.crm.permissions.internal.rest;

import java.util.List;

/**
 * The body of {@code POST /roles}.
 *
 * @param name the new role's name (lower case letters, digits and '-')
 * @param description what the role is for, or absent
 * @param permissions the permissions to grant
 */
public record NewRoleRequest(String name, String description, List<String> permissions) {
}
