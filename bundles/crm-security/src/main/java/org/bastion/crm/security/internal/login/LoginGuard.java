package org.bastion.crm.security.internal.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;
import org.bastion.crm.security.internal.SecurityConfiguration;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.SecuritySettings;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.throttle.LoginDecision;
import org.bastion.crm.security.internal.throttle.LoginThrottle;
import org.bastion.crm.security.internal.throttle.LoginThrottleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The brute-force defence every credential check goes through (REST login, second factor, console login, password
 * checks of the account service): a {@link LoginThrottle} keyed by normalised username and client address, which
 * publishes {@link SecurityEvents#ACCOUNT_LOCKED} and {@link SecurityEvents#ADDRESS_THROTTLED} when a failure locks.
 * The locks themselves are stored ({@link DurableLocks}) before the locking attempt is answered and checked before
 * every attempt, so a restart or a crash does not lift them; the failures below a lock are counted in memory, and a
 * restart or a change of the {@code throttle.*} settings forgets those.
 */
@Component(service = LoginGuard.class, configurationPid = SecurityConfiguration.PID)
public final class LoginGuard {

    /** The account key used for an empty username (the throttle needs a non-empty key). */
    static final String EMPTY_ACCOUNT = "\u0000";

    private final Clock clock;
    private final SecurityEventPublisher events;
    private final SecurityDatabase database;
    private volatile LoginThrottleSettings settings;
    private volatile LoginThrottle throttle;
    private volatile DurableLocks locks;

    @Activate
    public LoginGuard(SecurityConfiguration configuration, @Reference SecurityEventPublisher events,
            @Reference SecurityDatabase database) {
        this(SecuritySettings.from(configuration).throttle(), Clock.systemUTC(), events, database);
    }

    public LoginGuard(LoginThrottleSettings settings, Clock clock, SecurityEventPublisher events,
            SecurityDatabase database) {
        this.clock = clock;
        this.events = events;
        this.database = database;
        this.settings = settings;
        this.throttle = new LoginThrottle(settings, clock);
        this.locks = new DurableLocks(database, settings.accountFailureMemory());
    }

    @Modified
    void modified(SecurityConfiguration configuration) {
        LoginThrottleSettings changed = SecuritySettings.from(configuration).throttle();
        if (!changed.equals(settings)) {
            settings = changed;
            throttle = new LoginThrottle(changed, clock);
            locks = new DurableLocks(database, changed.accountFailureMemory());
        }
    }

    /**
     * The throttle key of a typed username, also what failed-login events name: stripped, lower case, at most 64
     * characters, every character the platform text rule refuses (control characters, bidirectional overrides, broken
     * Unicode, also from the cut) replaced by '?', so that no typed name reaches an event or a log unsafe.
     */
    public static String account(String username) {
        if (username == null || username.isBlank()) {
            return EMPTY_ACCOUNT;
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        return SafeText.replaceUnsafe(key.length() > 64 ? key.substring(0, 64) : key, TextKind.SINGLE_LINE, '?');
    }

    /**
     * Refuses the attempt while the account or the address is held back.
     *
     * @throws TooManyAttemptsException with the time left, after publishing a failed login (reason {@code throttled})
     */
    public void check(String account, ClientInfo client) {
        LoginDecision decision = throttle.check(account, client.address());
        if (decision.isAllowed()) {
            decision = locks.decision(account, client.address(), clock.instant());
        }
        if (decision.isAllowed()) {
            return;
        }
        Map<String, Object> properties = SecurityEventPublisher.client(client);
        properties.put(SecurityEvents.USERNAME, EMPTY_ACCOUNT.equals(account) ? "" : account);
        properties.put(SecurityEvents.REASON, "throttled-" + decision.lockedBy().name().toLowerCase(Locale.ROOT));
        properties.put(SecurityEvents.LOCKED_UNTIL, decision.lockedUntil().toString());
        events.post(SecurityEvents.LOGIN_FAILED, properties);
        events.audit().later(LoginRecorder.attempt(AuditActions.LOGIN_FAILED, AuditOutcome.DENIED, account, null, client)
                .detail("reason", properties.get(SecurityEvents.REASON))
                .detail("lockedUntil", decision.lockedUntil()).build());
        Duration left = Duration.between(clock.instant(), decision.lockedUntil());
        throw new TooManyAttemptsException(left.isNegative() ? Duration.ofSeconds(1) : left);
    }

    /** Counts a failed attempt for {@code account} (user id may be null) from the client. */
    public void failure(String account, String userId, ClientInfo client) {
        if (throttle.accountFailures(account) == 0) {
            locks.account(account).ifPresent(stored -> throttle.restoreAccount(account, stored.failures(),
                    stored.lastFailureAt(), stored.lockedUntil()));
        }
        boolean accountWasLocked = throttle.accountLockedUntil(account) != null;
        boolean addressWasLocked = throttle.addressLockedUntil(client.address()) != null;
        throttle.recordFailure(account, client.address());
        Instant accountLock = throttle.accountLockedUntil(account);
        if (accountLock != null) {
            locks.lockAccount(account, throttle.accountFailures(account), clock.instant(), accountLock);
        }
        if (!accountWasLocked && accountLock != null) {
            Map<String, Object> properties = SecurityEventPublisher.client(client);
            properties.put(SecurityEvents.USERNAME, EMPTY_ACCOUNT.equals(account) ? "" : account);
            properties.put(SecurityEvents.USER_ID, userId);
            properties.put(SecurityEvents.LOCKED_UNTIL, accountLock.toString());
            events.post(SecurityEvents.ACCOUNT_LOCKED, properties);
            AuditEntry.Builder locked = LoginRecorder.attempt(AuditActions.ACCOUNT_LOCKED, AuditOutcome.SUCCESS,
                    account, null, client).detail("lockedUntil", accountLock)
                    .detail("failures", throttle.accountFailures(account));
            events.audit().later((userId == null ? locked : locked.target("user", userId)).build());
        }
        postIfAddressLocked(addressWasLocked, client);
    }

    /** Counts a failed attempt from the client that names no account. */
    public void addressFailure(ClientInfo client) {
        boolean wasLocked = throttle.addressLockedUntil(client.address()) != null;
        throttle.recordAddressFailure(client.address());
        postIfAddressLocked(wasLocked, client);
    }

    /** Refuses the attempt while the address is held back (for attempts that name no account yet). */
    public void checkAddress(ClientInfo client) {
        Instant until = throttle.addressLockedUntil(client.address());
        if (until != null) {
            check(EMPTY_ACCOUNT, client);
        }
    }

    /** Forgets the account's failures after a successful login. */
    public void success(String account, ClientInfo client) {
        throttle.recordSuccess(account, client.address());
        locks.forgetAccount(account);
    }

    /** Lifts the account's lock (an administrator's action). */
    public void unlock(String account) {
        throttle.unlock(account);
        locks.forgetAccount(account);
    }

    /** Until when the account is locked, or null. */
    public Instant lockedUntil(String account) {
        Instant inMemory = throttle.accountLockedUntil(account);
        if (inMemory != null) {
            return inMemory;
        }
        Instant now = clock.instant();
        return locks.account(account).map(lock -> lock.lockedUntil()).filter(now::isBefore).orElse(null);
    }

    private void postIfAddressLocked(boolean wasLocked, ClientInfo client) {
        Instant until = throttle.addressLockedUntil(client.address());
        if (!wasLocked && until != null) {
            locks.lockAddress(client.address(), clock.instant(), until);
            Map<String, Object> properties = new HashMap<>(SecurityEventPublisher.client(client));
            properties.put(SecurityEvents.LOCKED_UNTIL, until.toString());
            events.post(SecurityEvents.ADDRESS_THROTTLED, properties);
            events.audit().later(LoginRecorder.attempt(AuditActions.ADDRESS_THROTTLED, AuditOutcome.SUCCESS,
                    EMPTY_ACCOUNT, null, client).target("address", client.address()).detail("lockedUntil", until)
                    .build());
        }
    }
}
