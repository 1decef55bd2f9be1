package org.bastion.crm.api.permissions;

import org.bastion.crm.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Judges what a caller may do, from the caller's current roles (a role change applies to sessions already open).
 * Services call it on every operation; while no implementation is registered they use {@link AdminOnlyPermissions}.
 */
@ProviderType
public interface Permissions {

    /** Whether the caller holds a permission implying {@code permission} (Shiro wildcard semantics). */
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
}
