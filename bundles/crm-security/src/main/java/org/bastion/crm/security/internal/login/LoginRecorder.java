package org.bastion.crm.security.internal.login;

import java.time.Clock;
import java.util.Map;

import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.user.UserStore;

/** Records the outcome of a login: throttle bookkeeping, events, last login, password rehash. */
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
    }

    /** Publishes that a recovery code was used. */
    void recoveryCodeUsed(UserRow user, ClientInfo from) {
        Map<String, Object> properties = SecurityEventPublisher.client(from);
        properties.put(SecurityEvents.USERNAME, user.username());
        properties.put(SecurityEvents.USER_ID, user.id());
        events.post(SecurityEvents.RECOVERY_CODE_USED, properties);
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
