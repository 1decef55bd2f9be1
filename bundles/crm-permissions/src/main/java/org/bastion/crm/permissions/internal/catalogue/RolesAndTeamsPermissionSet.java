package org.bastion.crm.permissions.internal.catalogue;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions this bundle defines: reading and managing roles and teams. */
@Component(service = PermissionSet.class)
public final class RolesAndTeamsPermissionSet implements PermissionSet {

    private static final List<PermissionDefinition> PERMISSIONS = List.of(
            new PermissionDefinition(StandardPermissions.ROLES_READ,
                    "See the roles, the permissions they grant and the permission catalogue.", false),
            new PermissionDefinition(StandardPermissions.ROLES_MANAGE,
                    "Create, change and delete custom roles.", false),
            new PermissionDefinition(StandardPermissions.TEAMS_READ, "See the teams and their members.", false),
            new PermissionDefinition(StandardPermissions.TEAMS_MANAGE,
                    "Create, change and delete teams and choose their members.", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return PERMISSIONS;
    }
}
