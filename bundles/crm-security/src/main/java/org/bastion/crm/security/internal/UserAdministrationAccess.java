package org.bastion.crm.security.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.security.internal.user.UserDirectoryImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Decides who may administer users ({@link StandardPermissions#USERS_MANAGE}): the {@link Permissions} service when
 * one is registered, otherwise, failing closed, {@link AdminOnlyPermissions} judged on the caller's current roles
 * from the {@link UserDirectoryImpl} (so a revoked admin role counts at once even then).
 */
@Component(service = UserAdministrationAccess.class)
public final class UserAdministrationAccess {

    /** Optional: without the permissions bundle only administrators and the system may manage users. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    private final UserDirectoryImpl directory;

    @Activate
    public UserAdministrationAccess(@Reference UserDirectoryImpl directory) {
        this.directory = directory;
    }

    /**
     * The current caller, who must be authenticated ({@link org.bastion.crm.api.security.AuthenticationException}
     * otherwise) and hold {@code users:manage} ({@link org.bastion.crm.api.AccessDeniedException} otherwise).
     */
    public Caller requireUsersManage(CallerContext context) {
        Caller caller = Callers.authenticated(context);
        Permissions current = permissions;
        if (current != null) {
            current.check(caller, StandardPermissions.USERS_MANAGE);
        } else {
            AdminOnlyPermissions.INSTANCE.check(live(caller), StandardPermissions.USERS_MANAGE);
        }
        return caller;
    }

    /**
     * Returns quietly when the caller holds every permission of each role it gives or takes away: no one hands out or
     * withdraws more than they hold (a user manager who is not an administrator cannot make anyone, themselves
     * included, an administrator, nor demote one).
     *
     * @throws org.bastion.crm.api.AccessDeniedException naming the roles beyond the caller's rights
     */
    public void requireCovers(Caller caller, Set<String> changedRoles) {
        Permissions current = permissions;
        List<String> beyond = changedRoles.stream().sorted()
                .filter(role -> current != null ? !current.coversRole(caller, role)
                        : !AdminOnlyPermissions.INSTANCE.coversRole(live(caller), role))
                .toList();
        if (!beyond.isEmpty()) {
            throw new AccessDeniedException("you can only give or take roles whose permissions you hold yourself; "
                    + "not " + String.join(", ", beyond));
        }
    }

    /** Whether {@code caller} holds {@code users:manage}. */
    public boolean mayManageUsers(Caller caller) {
        Permissions current = permissions;
        return current != null ? current.isPermitted(caller, StandardPermissions.USERS_MANAGE)
                : AdminOnlyPermissions.INSTANCE.isPermitted(live(caller), StandardPermissions.USERS_MANAGE);
    }

    /** A CRM user with the roles the user holds now; any other caller (system, console user) as it is. */
    private Caller live(Caller caller) {
        return directory.currentRoles(caller.id())
                .map(roles -> new Caller(caller.id(), caller.displayName(), roles, caller.authenticated()))
                .orElse(caller);
    }
}
