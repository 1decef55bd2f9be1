package org.bastion.crm.permissions.internal;

import org.bastion.crm.api.permissions.PermissionDefinition;

/**
 * One entry of the permission catalogue: a definition and the bundle that contributed it.
 *
 * @param permission the permission, {@code domain:action}
 * @param description what a holder may do
 * @param scoped whether it is granted per record scope (own, team or all)
 * @param bundle the symbolic name of the bundle whose {@link org.bastion.crm.api.permissions.PermissionSet} defines it
 */
public record CataloguedPermission(String permission, String description, boolean scoped, String bundle) {

    /** The entry of {@code definition}, contributed by {@code bundle}. */
    public static CataloguedPermission of(PermissionDefinition definition, String bundle) {
        return new CataloguedPermission(definition.permission(), definition.description(), definition.scoped(), bundle);
    }

    /** The definition, without the bundle. */
    public PermissionDefinition definition() {
        return new PermissionDefinition(permission, description, scoped);
    }
}
