package org.bastion.crm.api.permissions;

import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;

/**
 * The record-scope rules of one domain for one caller (ADR 8): no scope at all for an action is a 403 naming the
 * permission, a read scope limits queries to its owners, and a single record is checked against its owner. Without a
 * {@link Permissions} service it fails closed ({@link AdminOnlyPermissions}). A bundle that owns records creates one
 * per call, for the caller of that call.
 */
public final class ScopedAccess {

    private final Permissions permissions;
    private final Caller caller;
    private final String domain;

    /**
     * The rules of {@code domain} (the first part of its permissions, such as {@code contacts}) for {@code caller};
     * a null {@code permissions} (no Permissions service present) fails closed: only administrators pass.
     */
    public ScopedAccess(Permissions permissions, Caller caller, String domain) {
        this.permissions = AdminOnlyPermissions.orFailClosed(permissions);
        this.caller = caller;
        this.domain = domain;
    }

    /** Who is asking. */
    public Caller caller() {
        return caller;
    }

    /** The caller's reach for {@code action} in this domain (possibly none). */
    public RecordAccess access(String action) {
        return permissions.access(caller, domain, action);
    }

    /**
     * The caller's reach for {@code action}.
     *
     * @throws AccessDeniedException naming {@code domain:action} when the caller holds no scope for it at all
     */
    public RecordAccess require(String action) {
        RecordAccess access = access(action);
        if (!access.any()) {
            throw new AccessDeniedException("this needs the permission " + permission(action));
        }
        return access;
    }

    /** The owners a query must be limited to under {@code read}, or null when it reaches every record. */
    public static Set<String> ownerFilter(RecordAccess read) {
        return read.restricted() ? read.owners() : null;
    }

    /**
     * Returns quietly when {@code access} (held for {@code action}) reaches a record owned by {@code owner}.
     *
     * @throws AccessDeniedException naming the permission the record needs, otherwise
     */
    public void requireWithin(RecordAccess access, String action, String owner) {
        if (!access.permits(owner)) {
            throw new AccessDeniedException("this needs the permission " + permission(action) + " for this record");
        }
    }

    /**
     * Returns quietly when the caller may make {@code owner} the owner of a record under its {@code write} reach.
     *
     * @throws AccessDeniedException otherwise
     */
    public void requireMayGiveTo(RecordAccess write, String action, String owner) {
        if (!write.permits(owner)) {
            throw new AccessDeniedException(owner != null && owner.equals(caller.id())
                    ? "this needs the permission " + permission(action)
                    : "you may not give records to that owner (" + permission(action) + " does not reach it)");
        }
    }

    /** {@code domain:action}. */
    public String permission(String action) {
        return domain + ":" + action;
    }
}
