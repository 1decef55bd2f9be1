package org.bastion.crm.security.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions the security bundle defines: {@code users:manage}, for user administration. */
@Component(service = PermissionSet.class)
public final class UsersPermissionSet implements PermissionSet {

    static final List<PermissionDefinition> DEFINITIONS = List.of(new PermissionDefinition(
            StandardPermissions.USERS_MANAGE, "Create, list, disable, enable and unlock users, reset their passwords"
                    + " and two-factor login, assign their roles, and see or end anyone's sessions", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }
}
