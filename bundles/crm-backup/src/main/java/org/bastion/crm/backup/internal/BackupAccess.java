package org.bastion.crm.backup.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks the current caller's backup permissions: through the {@link Permissions} service when it is registered,
 * otherwise, failing closed, through {@link AdminOnlyPermissions}. Without a {@link CallerContext} the caller is
 * anonymous, so nothing guarded is allowed.
 */
@Component(service = BackupAccess.class)
public final class BackupAccess {

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    @Activate
    public BackupAccess() {
        // references arrive through the fields
    }

    /** An access judged with these services (each may be null), for tests. */
    public static BackupAccess of(CallerContext callerContext, Permissions permissions) {
        BackupAccess access = new BackupAccess();
        access.callerContext = callerContext;
        access.permissions = permissions;
        return access;
    }

    /** The current caller, {@link Caller#ANONYMOUS} when unknown. */
    public Caller caller() {
        CallerContext context = callerContext;
        Caller current = context == null ? null : context.current();
        return current == null ? Caller.ANONYMOUS : current;
    }

    /**
     * Returns quietly when the current caller holds {@code permission}.
     *
     * @throws org.bastion.crm.api.AccessDeniedException naming the permission, otherwise
     */
    public void check(String permission) {
        AdminOnlyPermissions.orFailClosed(permissions).check(caller(), permission);
    }
}
