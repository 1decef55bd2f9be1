package org.bastion.crm.permissions.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;

/**
 * What the installed {@link org.bastion.crm.api.permissions.PermissionSet}s define, kept current as bundles come and
 * go; no caller check (the REST and shell layers check {@code roles:read} before listing it).
 */
public interface PermissionCatalogue {

    /** Every catalogued permission with its contributing bundle, sorted by permission. */
    List<CataloguedPermission> entries();

    /** The definitions alone, sorted by permission. */
    default List<PermissionDefinition> definitions() {
        return entries().stream().map(CataloguedPermission::definition).toList();
    }

    /**
     * Whether {@code permission} is defined: {@code *}; {@code domain:*} of a domain some set defines;
     * {@code domain:action} some set defines; or {@code domain:action:own|team|all|*} of a scoped definition.
     */
    boolean defines(String permission);
}
