package org.bastion.crm.testing;

import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;

/** A {@link Permissions} service granting exactly the permissions listed per role (no wildcards, no admin bypass). */
public final class GrantedPermissions implements Permissions {

    private final Map<String, Set<String>> byRole;

    public GrantedPermissions(Map<String, Set<String>> byRole) {
        this.byRole = byRole;
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        return caller.authenticated()
                && caller.roles().stream().anyMatch(role -> byRole.getOrDefault(role, Set.of()).contains(permission));
    }

    @Override
    public void check(Caller caller, String permission) {
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("this needs the permission " + permission);
        }
    }

    /** Covered when the caller holds each permission listed for the role; a role not listed only by holders of *. */
    @Override
    public boolean coversRole(Caller caller, String role) {
        Set<String> granted = byRole.get(role);
        return granted == null ? isPermitted(caller, "*") : granted.stream().allMatch(p -> isPermitted(caller, p));
    }

    @Override
    public RecordAccess access(Caller caller, String domain, String action) {
        return isPermitted(caller, domain + ":" + action) ? RecordAccess.ALL : RecordAccess.NONE;
    }
}
