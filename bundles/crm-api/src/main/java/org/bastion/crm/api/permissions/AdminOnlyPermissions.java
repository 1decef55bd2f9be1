package org.bastion.crm.api.permissions;

import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;

/**
 * The fail-closed stand-in services use while no {@link Permissions} service is registered (the permissions bundle
 * is stopped or being updated): the system caller and holders of the {@code admin} role may do everything, nobody
 * else anything.
 */
public final class AdminOnlyPermissions implements Permissions {

    /** The one instance. */
    public static final AdminOnlyPermissions INSTANCE = new AdminOnlyPermissions();

    private static final String ADMIN_ROLE = "admin";

    private AdminOnlyPermissions() {
    }

    /** {@code permissions} when it is there, else this stand-in. */
    public static Permissions orFailClosed(Permissions permissions) {
        return permissions == null ? INSTANCE : permissions;
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        return caller != null && caller.authenticated()
                && (caller == Caller.SYSTEM || caller.roles().contains(ADMIN_ROLE));
    }

    @Override
    public void check(Caller caller, String permission) {
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("this needs the permission " + permission);
        }
    }

    @Override
    public boolean coversRole(Caller caller, String role) {
        return isPermitted(caller, "*");
    }

    @Override
    public RecordAccess access(Caller caller, String domain, String action) {
        return isPermitted(caller, domain + ":" + action) ? RecordAccess.ALL : new RecordAccess(RecordScope.NONE, Set.of());
    }
}
