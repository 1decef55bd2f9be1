package org.bastion.crm.permissions.internal.db;

import java.time.Instant;
import java.util.Set;

/**
 * One custom role as stored: {@code crm_permission_role} with its {@code crm_permission_grant} rows.
 *
 * @param description what the role is for, or null
 * @param permissions the permissions it grants
 */
public record RoleRow(String name, String description, Set<String> permissions, Instant createdAt, Instant updatedAt) {

    public RoleRow {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
