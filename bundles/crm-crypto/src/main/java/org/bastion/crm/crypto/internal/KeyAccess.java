package org.bastion.crm.crypto.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.security.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks the current caller's key permissions ({@code keys:read}, {@code keys:manage}): through the {@link Permissions}
 * service when it is registered, otherwise, failing closed, through {@link AdminOnlyPermissions} on the caller's
 * current roles ({@link UserDirectory}, when there). Without a {@link CallerContext} the caller is anonymous.
 */
@Component(service = KeyAccess.class)
public final class KeyAccess {

    /** Optional: without it every caller is anonymous, so nothing guarded is allowed. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    /** Optional: without the permissions bundle only administrators and the system may read or rotate keys. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    /** Optional: without the permissions bundle, the admin role is judged on the user's current roles from it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile UserDirectory userDirectory;

    @Activate
    public KeyAccess() {
        // references arrive through the fields
    }

    /** An access judged with these services (each may be null), for tests outside this package. */
    public static KeyAccess of(CallerContext callerContext, Permissions permissions, UserDirectory userDirectory) {
        KeyAccess access = new KeyAccess();
        access.callerContext = callerContext;
        access.permissions = permissions;
        access.userDirectory = userDirectory;
        return access;
    }

    /**
     * Returns quietly when the current caller holds {@code permission}.
     *
     * @throws org.bastion.crm.api.AccessDeniedException naming the permission, otherwise
     */
    public void check(String permission) {
        CallerContext context = callerContext;
        Caller current = context == null ? null : context.current();
        Caller caller = current == null ? Caller.ANONYMOUS : current;
        Permissions judge = permissions;
        if (judge != null) {
            judge.check(caller, permission);
        } else {
            AdminOnlyPermissions.INSTANCE.check(withCurrentRoles(caller), permission);
        }
    }

    /** A CRM user with the roles the user holds now, when the directory is there; any other caller as it is. */
    private Caller withCurrentRoles(Caller caller) {
        UserDirectory directory = userDirectory;
        return directory == null ? caller : directory.currentRoles(caller.id())
                .map(roles -> new Caller(caller.id(), caller.displayName(), roles, caller.authenticated()))
                .orElse(caller);
    }
}
