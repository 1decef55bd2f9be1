package org.bastion.crm.security.internal.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.security.internal.UserAdministrationAccess;
import org.bastion.crm.security.internal.SecurityAuditEntries;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.RecoveryCodeRepository;
import org.bastion.crm.security.internal.db.SessionRow;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.login.LoginGuard;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * User administration for holders of {@code users:manage}: create, list, show, disable (never the last active
 * administrator; ends the user's sessions), enable, unlock, reset password and reset TOTP (both end the user's
 * sessions), set roles (never the last active administrator's or the caller's own admin role). Status and role changes
 * are serialised in this instance, so two administrators cannot demote or disable each other at once (one CRM node).
 */
@Component(service = UserService.class)
public final class UserServiceImpl implements UserService {

    private final CallerContext callers;
    private final UserStore users;
    private final SecurityPolicy policy;
    private final LoginGuard guard;
    private final SessionRegistry sessions;
    private final SecurityEventPublisher events;
    private final UserAdministrationAccess access;
    private final AssignableRoles assignableRoles;
    /** Serialises status and role changes, so that two of them cannot both pass the last-admin check. */
    private final Object statusLock = new Object();

    @Activate
    public UserServiceImpl(@Reference(policyOption = ReferencePolicyOption.GREEDY) CallerContext callers,
            @Reference UserStore users, @Reference SecurityPolicy policy, @Reference LoginGuard guard,
            @Reference SessionRegistry sessions, @Reference SecurityEventPublisher events,
            @Reference UserAdministrationAccess access, @Reference AssignableRoles assignableRoles) {
        this.callers = callers;
        this.access = access;
        this.assignableRoles = assignableRoles;
        this.users = users;
        this.policy = policy;
        this.guard = guard;
        this.sessions = sessions;
        this.events = events;
    }

    @Override
    public User create(UserDraft draft) {
        Caller admin = access.requireUsersManage(callers);
        UserValidator.ValidDraft valid = UserValidator.validate(draft, policy.passwordPolicy(),
                assignableRoles.existing());
        access.requireCovers(admin, valid.roles());
        if (users.rowByUsername(valid.username()).isPresent()) {
            throw new ConflictException("the username " + valid.username() + " is taken");
        }
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        UserRow row = users.create(valid.username(), valid.displayName(), valid.email(),
                policy.hasher().hash(valid.password()), valid.roles(), created -> audit.change(SecurityAuditEntries
                        .user(AuditActions.USER_CREATED, created.id()).detail("roles", String.join(",",
                                created.roles())).build()));
        publish(SecurityEvents.USER_CREATED, row, admin, null);
        return users.toUser(row);
    }

    @Override
    public Page<User> list(PageRequest request) {
        access.requireUsersManage(callers);
        PageRequest page = request == null ? PageRequest.first() : request;
        List<UserRow> rows = users.database().read(c -> UserRepository.page(c, page.offset(), page.size()));
        long total = users.count();
        return new Page<>(users.toUsers(rows), total, page.page(), page.size());
    }

    @Override
    public User get(String id) {
        access.requireUsersManage(callers);
        return users.toUser(users.require(id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        access.requireUsersManage(callers);
        String normalised = UserValidator.normaliseUsername(username);
        if (normalised == null || !UserValidator.isUsernameShaped(normalised)) {
            return Optional.empty();
        }
        return users.rowByUsername(normalised).map(users::toUser);
    }

    @Override
    public User disable(String id) {
        return changeStatus(id, false, SecurityEvents.USER_DISABLED, "user-disabled", AuditActions.USER_DISABLED);
    }

    @Override
    public User enable(String id) {
        return changeStatus(id, true, SecurityEvents.USER_ENABLED, null, AuditActions.USER_ENABLED);
    }

    @Override
    public User unlock(String id) {
        Caller admin = access.requireUsersManage(callers);
        UserRow row = users.require(id);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        users.database().write(c -> {
            guard.unlock(row.username());
            audit.change(SecurityAuditEntries.user(AuditActions.ACCOUNT_UNLOCKED, id).build());
            return null;
        });
        publish(SecurityEvents.ACCOUNT_UNLOCKED, row, admin, null);
        return users.toUser(row);
    }

    @Override
    public User resetPassword(String id, String newPassword) {
        Caller admin = access.requireUsersManage(callers);
        UserRow row = users.require(id);
        try {
            policy.passwordPolicy().check(row.username(), newPassword);
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(error -> new FieldError("password", error.message()))
                    .toList());
        }
        String hash = policy.hasher().hash(newPassword);
        // one transaction: a crash cannot leave the new password stored and the user's sessions open
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        List<SessionRow> ended = sessions.endAllOf(id, null, c -> {
            UserRepository.updatePassword(c, id, hash);
            audit.change(SecurityAuditEntries.user(AuditActions.PASSWORD_RESET, id).build());
            return null;
        }, SecurityAuditEntries.recordRevoked(audit, "password-reset"));
        return changed(SecurityEvents.PASSWORD_RESET, row, admin, "password-reset", ended);
    }

    @Override
    public User setRoles(String id, Set<String> roles) {
        Caller admin = access.requireUsersManage(callers);
        SortedSet<String> wanted = assignableRoles.validate(roles);
        UserRow before;
        List<SessionRow> ended = List.of();
        synchronized (statusLock) {
            before = users.require(id);
            if (wanted.equals(before.roles())) {
                return users.toUser(before);
            }
            access.requireCovers(admin, symmetricDifference(before.roles(), wanted));
            boolean losesAdmin = before.roles().contains(SecurityRoles.ADMIN) && !wanted.contains(SecurityRoles.ADMIN);
            if (losesAdmin && admin.id().equals(id)) {
                throw new ConflictException("You cannot take your own admin role; ask another administrator.");
            }
            AuditRecorder audit = events.audit();
            audit.checkChangesAllowed();
            SqlWork<Boolean> replace = c -> {
                if (losesAdmin && before.isActive() && UserRepository.countActiveAdmins(c) <= 1) {
                    throw new ConflictException("This is the last active administrator; it keeps the admin role.");
                }
                // the entry first: if the write then fails, the transaction takes the entry with it
                audit.change(SecurityAuditEntries.rolesChanged(id, before.roles(), wanted));
                return UserRepository.replaceRoles(c, id, wanted);
            };
            // roles that now require TOTP end the sessions of a user without it, in the same transaction
            if (policy.settings().requiresTotp(wanted) && !before.totpEnabled()) {
                ended = sessions.endAllOf(id, null, replace,
                        SecurityAuditEntries.recordRevoked(audit, "totp-now-required"));
            } else {
                users.database().write(replace);
            }
            users.changed(id);
        }
        publishRolesChanged(before, wanted, admin);
        publishEnded(before, admin, "totp-now-required", ended);
        return users.toUser(users.require(id));
    }

    private static Set<String> symmetricDifference(Set<String> before, Set<String> after) {
        Set<String> changed = new java.util.TreeSet<>(before);
        changed.addAll(after);
        changed.removeIf(role -> before.contains(role) && after.contains(role));
        return changed;
    }

    @Override
    public User resetTotp(String id) {
        Caller admin = access.requireUsersManage(callers);
        UserRow row = users.require(id);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        List<SessionRow> ended = sessions.endAllOf(id, null, c -> {
            UserRepository.updateTotp(c, id, null, false, null);
            RecoveryCodeRepository.deleteAll(c, id);
            audit.change(SecurityAuditEntries.user(AuditActions.TOTP_RESET, id).build());
            return null;
        }, SecurityAuditEntries.recordRevoked(audit, "totp-reset"));
        return changed(SecurityEvents.TOTP_RESET, row, admin, "totp-reset", ended);
    }

    /**
     * Activates or deactivates a user (nothing to do when it already is; never the last active administrator), then
     * {@link #changed}; status changes are serialised so that two disables cannot both pass the last-admin check.
     */
    private User changeStatus(String id, boolean activate, String topic, String endReason, String action) {
        Caller admin = access.requireUsersManage(callers);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        UserRow row;
        synchronized (statusLock) {
            row = users.require(id);
            if (row.isActive() == activate) {
                return users.toUser(row);
            }
            users.database().write(c -> {
                if (!activate && row.roles().contains(SecurityRoles.ADMIN)
                        && UserRepository.countActiveAdmins(c) <= 1) {
                    throw new ConflictException("This is the last active administrator; it cannot be disabled.");
                }
                boolean updated = UserRepository.updateStatus(c, id, activate ? UserStatus.ACTIVE
                        : UserStatus.DISABLED);
                audit.change(SecurityAuditEntries.user(action, id).build());
                return updated;
            });
            users.changed(id);
        }
        return changed(topic, row, admin, endReason);
    }

    /**
     * After an administrator changed a user: publishes {@code topic}, ends the user's sessions when {@code endReason}
     * is given (each published as revoked for that reason), and returns the user as now stored.
     */
    private User changed(String topic, UserRow row, Caller admin, String endReason) {
        publish(topic, row, admin, null);
        if (endReason != null) {
            endSessions(row, admin, endReason);
        }
        return users.toUser(users.require(row.id()));
    }

    /**
     * After a change that ended the user's sessions in its own transaction: publishes {@code topic} and each ended
     * session as revoked for {@code reason}, and returns the user as now stored.
     */
    private User changed(String topic, UserRow row, Caller admin, String reason, List<SessionRow> ended) {
        publish(topic, row, admin, null);
        publishEnded(row, admin, reason, ended);
        return users.toUser(users.require(row.id()));
    }

    private void endSessions(UserRow row, Caller admin, String reason) {
        publishEnded(row, admin, reason, sessions.endAllOf(row.id(), null, null,
                SecurityAuditEntries.recordRevoked(events.audit(), reason)));
    }

    private void publishEnded(UserRow row, Caller admin, String reason, List<SessionRow> ended) {
        for (SessionRow session : ended) {
            publish(SecurityEvents.SESSION_REVOKED, row, admin, Map.of(SecurityEvents.SESSION_ID, session.id(),
                    SecurityEvents.REASON, reason));
        }
    }

    private void publishRolesChanged(UserRow before, Set<String> roles, Caller admin) {
        Set<String> granted = new TreeSet<>(roles);
        granted.removeAll(before.roles());
        Set<String> revoked = new TreeSet<>(before.roles());
        revoked.removeAll(roles);
        events.post(PermissionEvents.USER_ROLES_CHANGED, Map.of(PermissionEvents.USER_ID, before.id(),
                PermissionEvents.ROLES, roles.toArray(String[]::new),
                PermissionEvents.GRANTED, granted.toArray(String[]::new),
                PermissionEvents.REVOKED, revoked.toArray(String[]::new), PermissionEvents.ACTOR, admin.id()));
    }

    private void publish(String topic, UserRow row, Caller admin, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SecurityEvents.USER_ID, row.id());
        properties.put(SecurityEvents.USERNAME, row.username());
        properties.put(SecurityEvents.ACTOR, admin.id());
        if (extra != null) {
            properties.putAll(extra);
        }
        events.post(topic, properties);
    }
}
