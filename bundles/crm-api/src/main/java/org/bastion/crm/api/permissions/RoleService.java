package org.bastion.crm.api.permissions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Roles and the permission catalogue. Reading needs {@code roles:read}, changing {@code roles:manage}
 * ({@link org.bastion.crm.api.AccessDeniedException} otherwise). Bad input is a
 * {@link org.bastion.crm.api.ValidationException} naming every problem, with nothing changed; changing a built-in
 * role or deleting a role users still hold is a {@link org.bastion.crm.api.ConflictException}. Every change publishes
 * a {@link PermissionEvents} event and applies to open sessions at once.
 */
@ProviderType
public interface RoleService {

    /** Every role, built-in first, then custom ones by name. */
    List<Role> list();

    /** The role with this name, if there is one. */
    Optional<Role> find(String name);

    /** Creates a custom role. */
    Role create(RoleDraft draft);

    /** Replaces a custom role's description and permissions. */
    Role update(String name, RoleDraft draft);

    /** Adds permissions to a custom role. */
    Role grant(String name, Set<String> permissions);

    /** Takes permissions from a custom role (naming one it does not hold is a validation error). */
    Role revoke(String name, Set<String> permissions);

    /** Deletes a custom role no user holds. */
    void delete(String name);

    /** What the installed bundles define, sorted by permission (needs {@code roles:read}). */
    List<PermissionDefinition> catalogue();
}
