package org.bastion.crm.security.internal.login;

import java.time.Clock;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.user.UserStore;

/**
 * Records the outcome of a login: throttle bookkeeping, events, audit entries (queued: an authentication outcome is
 * recorded like a read, so that a missing trail never locks operators out), last login, password rehash.
 */
final class LoginRecorder {

    private static final System.Logger LOG = System.getLogger(LoginRecorder.class.getName());

    private final UserStore users;
    private final LoginGuard guard;
    private final SecurityEventPublisher events;
    private final Clock clock;

    LoginRecorder(UserStore users, LoginGuard guard, SecurityEventPublisher events, Clock clock) {
        this.users = users;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Counts and publishes a failed attempt; returns the one exception every failure gets. */
    AuthenticationException failed(String account, UserRow user, String reason, ClientInfo from) {
        String action = "bad-code".equals(reason) ? AuditActions.MFA_FAILED : AuditActions.LOGIN_FAILED;
        events.audit().later(attempt(action, AuditOutcome.FAILURE, account, user, from).detail("reason", reason)
                .build());
        guard.failure(account, user == null ? null : user.id(), from);
        Map<String, Object> properties = SecurityEventPublisher.client(from);
        properties.put(SecurityEvents.USERNAME, LoginGuard.EMPTY_ACCOUNT.equals(account) ? "" : account);
        properties.put(SecurityEvents.USER_ID, user == null ? null : user.id());
        properties.put(SecurityEvents.REASON, reason);
        events.post(SecurityEvents.LOGIN_FAILED, properties);
        return new AuthenticationException(AuthenticationException.LOGIN_FAILED);
    }

    /** Forgets the account's failures, stamps the last login and publishes the success. */
    void succeeded(UserRow user, String sessionId, ClientInfo from) {
        guard.success(user.username(), from);
        users.database().write(c -> {
            UserRepository.updateLastLogin(c, user.id(), clock.instant());
            return null;
        });
        Map<String, Object> properties = SecurityEventPublisher.client(from);
        properties.put(SecurityEvents.USERNAME, user.username());
        properties.put(SecurityEvents.USER_ID, user.id());
        properties.put(SecurityEvents.SESSION_ID, sessionId);
        events.post(SecurityEvents.LOGIN_SUCCEEDED, properties);
        events.audit().later(attempt(AuditActions.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS, user.username(), user, from)
                .detail("session", sessionId).build());
    }

    /** Records that the second factor ({@code totp} or {@code recovery-code}) was right. */
    void secondFactorPassed(UserRow user, String kind, ClientInfo from) {
        events.audit().later(attempt(AuditActions.MFA_PASSED, AuditOutcome.SUCCESS, user.username(), user, from)
                .detail("factor", kind).build());
    }

    /**
     * An entry of an attempt by the typed {@code account} from the client: the actor is the user only when the attempt
     * succeeded ({@code anonymous} otherwise), the target is the user when one has that name.
     */
    static AuditEntry.Builder attempt(String action, AuditOutcome outcome, String account, UserRow user,
            ClientInfo from) {
        String typed = LoginGuard.EMPTY_ACCOUNT.equals(account) ? "" : account;
        AuditEntry.Builder entry = AuditEntry.of(action, outcome)
                .actor(SecurityEventPublisher.actor(user == null || outcome != AuditOutcome.SUCCESS ? null : user.id(),
                        typed, from));
        return user == null ? entry : entry.target("user", user.id());
    }

    /** Publishes that a recovery code was used. */
    void recoveryCodeUsed(UserRow user, ClientInfo from) {
        Map<String, Object> properties = SecurityEventPublisher.client(from);
        properties.put(SecurityEvents.USERNAME, user.username());
        properties.put(SecurityEvents.USER_ID, user.id());
        events.post(SecurityEvents.RECOVERY_CODE_USED, properties);
        events.audit().later(attempt(AuditActions.RECOVERY_CODE_USED, AuditOutcome.SUCCESS, user.username(), user,
                from).build());
    }

    /** Replaces a hash weaker than what the hasher writes now, after the password proved right. */
    void rehashIfNeeded(UserRow user, String password, Argon2idHasher hasher) {
        if (!hasher.needsRehash(user.passwordHash())) {
            return;
        }
        String stronger = hasher.hash(password);
        users.database().write(c -> UserRepository.updatePassword(c, user.id(), stronger));
        LOG.log(System.Logger.Level.INFO, "Rehashed the password of user " + user.id() + " with the current argon2id cost");
    }
}
