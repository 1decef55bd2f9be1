package org.bastion.crm.security.internal.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.security.internal.Callers;
import org.bastion.crm.security.internal.SecurityAuditEntries;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.UserAdministrationAccess;
import org.bastion.crm.security.internal.db.SessionRow;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Lists and revokes sessions: users their own, holders of {@code users:manage} anyone's; a session or user the caller may not see is
 * {@link NotFoundException}, exactly as one that does not exist.
 */
@Component(service = SessionService.class)
public final class SessionServiceImpl implements SessionService {

    private final CallerContext callers;
    private final SessionRegistry sessions;
    private final UserStore users;
    private final SecurityEventPublisher events;
    private final UserAdministrationAccess access;

    @Activate
    public SessionServiceImpl(@Reference(policyOption = ReferencePolicyOption.GREEDY) CallerContext callers,
            @Reference SessionRegistry sessions, @Reference UserStore users, @Reference SecurityEventPublisher events,
            @Reference UserAdministrationAccess access) {
        this.callers = callers;
        this.access = access;
        this.sessions = sessions;
        this.users = users;
        this.events = events;
    }

    @Override
    public List<SessionInfo> sessionsOf(String userId) {
        Caller caller = Callers.authenticated(callers);
        if (!caller.id().equals(userId) && !access.mayManageUsers(caller)) {
            throw new NotFoundException("user", userId);
        }
        return describe(sessions.liveOf(userId));
    }

    @Override
    public List<SessionInfo> all() {
        access.requireUsersManage(callers);
        return describe(sessions.all());
    }

    @Override
    public void revoke(String sessionId) {
        Caller caller = Callers.authenticated(callers);
        Optional<SessionRow> row = sessionId == null ? Optional.empty() : sessions.live(sessionId);
        if (row.isEmpty() || !(row.get().userId().equals(caller.id()) || access.mayManageUsers(caller))) {
            throw new NotFoundException("session", sessionId);
        }
        events.audit().checkChangesAllowed();
        if (sessions.end(row.get(), () -> events.audit().change(SecurityAuditEntries.sessionRevoked(row.get(),
                caller.id().equals(row.get().userId()) ? "revoked-by-user" : "revoked-by-admin")))) {
            published(row.get(), caller);
        }
    }

    @Override
    public int revokeAllOf(String userId) {
        Caller caller = Callers.authenticated(callers);
        if (!caller.id().equals(userId) && !access.mayManageUsers(caller)) {
            throw new NotFoundException("user", userId);
        }
        events.audit().checkChangesAllowed();
        List<SessionRow> ended = sessions.endAllOf(userId, null, null, SecurityAuditEntries.recordRevoked(
                events.audit(), caller.id().equals(userId) ? "revoked-by-user" : "revoked-by-admin"));
        ended.forEach(row -> published(row, caller));
        return ended.size();
    }

    private void published(SessionRow row, Caller caller) {
        events.post(SecurityEvents.SESSION_REVOKED, Map.of(SecurityEvents.USER_ID, row.userId(),
                SecurityEvents.SESSION_ID, row.id(), SecurityEvents.ACTOR, caller.id()));
    }

    private List<SessionInfo> describe(List<SessionRow> rows) {
        Map<String, String> usernames = new HashMap<>();
        return rows.stream().map(row -> new SessionInfo(row.id(), row.userId(),
                usernames.computeIfAbsent(row.userId(), id -> users.row(id).map(UserRow::username).orElse("")),
                row.channel(), row.address(), row.userAgent(), row.createdAt(), row.lastSeenAt(),
                sessions.expiresAt(row))).toList();
    }
}
