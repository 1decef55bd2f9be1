package org.bastion.crm.security.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.security.internal.db.SessionRow;

/**
 * The audit entries of the security bundle's changes, built alike everywhere: target {@code user} or {@code session}
 * by id, details that name reasons, roles and counts only (never a password, code, token, secret or e-mail address).
 */
public final class SecurityAuditEntries {

    private SecurityAuditEntries() {
    }

    /** A change of user {@code userId}, done by the current caller. */
    public static AuditEntry.Builder user(String action, String userId) {
        return AuditEntry.success(action).target("user", userId);
    }

    /** The roles of user {@code userId} changed from {@code before} to {@code after}: all, granted, revoked. */
    public static AuditEntry rolesChanged(String userId, Set<String> before, Set<String> after) {
        Set<String> granted = new TreeSet<>(after);
        granted.removeAll(before);
        Set<String> revoked = new TreeSet<>(before);
        revoked.removeAll(after);
        return user(AuditActions.USER_ROLES_CHANGED, userId).detail("roles", String.join(",", new TreeSet<>(after)))
                .detail("granted", String.join(",", granted)).detail("revoked", String.join(",", revoked)).build();
    }

    /** The end of a session for {@code reason}, done by the current caller. */
    public static AuditEntry sessionRevoked(SessionRow session, String reason) {
        return AuditEntry.success(AuditActions.SESSION_REVOKED).target("session", session.id())
                .detail("user", session.userId()).detail("reason", reason).build();
    }

    /** Records each session ended for {@code reason} as revoked; for the transaction that ends them. */
    public static Consumer<List<SessionRow>> recordRevoked(AuditRecorder audit, String reason) {
        return ended -> ended.forEach(session -> audit.change(sessionRevoked(session, reason)));
    }
}
