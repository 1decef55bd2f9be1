package org.bastion.crm.api.permissions;

import org.bastion.crm.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Judges what a caller may do, from the caller's current roles (a role change applies to sessions already open).
 * Services call it on every operation; while no implementation is registered they use {@link AdminOnlyPermissions}.
 */
@ProviderType
public interface Permissions {

    /**
     * Whether the caller holds a permission implying {@code permission} (Shiro wildcard semantics), a record scope being
     * held through a wider one as well ({@code contacts:read:own} through {@code contacts:read:team} or {@code :all}).
     */
    boolean isPermitted(Caller caller, String permission);

    /**
     * Returns quietly when the caller holds {@code permission}.
     *
     * @throws org.bastion.crm.api.AccessDeniedException naming the permission, otherwise
     */
    void check(Caller caller, String permission);

    /**
     * The widest record scope the caller holds for {@code domain:action} ({@code :all} before {@code :team} before
     * {@code :own}), with the owner ids it covers.
     */
    RecordAccess access(Caller caller, String domain, String action);

    /**
     * Whether the caller holds every permission the role grants, so that giving the role to someone or taking it away
     * hands out or withdraws nothing beyond the caller's own rights (no one may grant more than they hold). An unknown
     * role is covered only by holders of {@code *}.
     */
    boolean coversRole(Caller caller, String role);
}
