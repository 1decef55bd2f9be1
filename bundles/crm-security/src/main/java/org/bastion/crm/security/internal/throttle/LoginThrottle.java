package org.bastion.crm.security.internal.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bastion.crm.security.internal.throttle.LoginDecision.LockScope;

/**
 * Slows down password guessing: locks an account for a growing time after repeated failures and refuses an address that
 * fails too often across accounts (credential stuffing), in bounded memory and safe for concurrent use.
 *
 * <p>The caller asks {@link #check} before verifying a password, and reports the outcome with {@link #recordFailure} or
 * {@link #recordSuccess}; account names and addresses are compared exactly, so the caller passes them normalised. From the
 * {@code accountFailureThreshold}-th failure of an account on, every failure locks it again, for {@code firstLockout} doubled
 * once per failure beyond the threshold, up to {@code maximumLockout}. A success forgets the account's failures, but not the
 * address's, so that one valid account does not let an address keep guessing others. Entries whose time has passed are
 * dropped; when more accounts or addresses than the configured maximum are tracked, the least recently failed is dropped.
 */
public final class LoginThrottle {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, AccountFailures> accounts = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Instant>> addresses = new LinkedHashMap<>();
    private Instant lastSweep = Instant.MIN;

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LoginThrottle() {
        this(LoginThrottleSettings.DEFAULTS, Clock.systemUTC());
    }

    /** Whether a login of {@code account} from {@code address} may be attempted now; if both are locked, the later end wins. */
    public synchronized LoginDecision check(String account, String address) {
        Instant now = clock.instant();
        sweepIfDue(now);
        LoginDecision decision = LoginDecision.allowed();
        AccountFailures failures = accounts.get(requireKey(account, "account"));
        if (failures != null && failures.lockedUntil != null && now.isBefore(failures.lockedUntil)) {
            decision = LoginDecision.locked(LockScope.ACCOUNT, failures.lockedUntil);
        }
        Instant addressLockedUntil = addressLockedUntil(requireKey(address, "address"), now);
        if (addressLockedUntil != null && (decision.isAllowed() || addressLockedUntil.isAfter(decision.lockedUntil()))) {
            decision = LoginDecision.locked(LockScope.ADDRESS, addressLockedUntil);
        }
        return decision;
    }

    /** Counts a failed login of {@code account} from {@code address}, locking either if it reached its limit. */
    public synchronized void recordFailure(String account, String address) {
        requireKey(account, "account");
        requireKey(address, "address");
        Instant now = clock.instant();
        sweepIfDue(now);

        AccountFailures failures = accounts.remove(account);
        if (failures == null || failures.isForgottenAt(now, settings.accountFailureMemory())) {
            failures = new AccountFailures();
        }
        if (failures.count < Integer.MAX_VALUE) {
            failures.count++;
        }
        failures.lastFailure = now;
        if (failures.count >= settings.accountFailureThreshold()) {
            failures.lockedUntil = now.plus(lockoutFor(failures.count));
        }
        accounts.put(account, failures);
        if (accounts.size() > settings.maximumTrackedAccounts()) {
            sweep(now);
            dropEldest(accounts, settings.maximumTrackedAccounts());
        }
        countAddressFailure(address, now);
    }

    /**
     * Counts a failed attempt from {@code address} that names no account (such as an unknown two-factor challenge),
     * refusing the address once it reached its limit.
     */
    public synchronized void recordAddressFailure(String address) {
        requireKey(address, "address");
        Instant now = clock.instant();
        sweepIfDue(now);
        countAddressFailure(address, now);
    }

    /** Until when {@code account} is locked, or null if it is not. */
    public synchronized Instant accountLockedUntil(String account) {
        AccountFailures failures = accounts.get(requireKey(account, "account"));
        Instant now = clock.instant();
        return failures != null && failures.lockedUntil != null && now.isBefore(failures.lockedUntil)
                ? failures.lockedUntil : null;
    }

    /** Until when {@code address} is refused, or null if it is not. */
    public synchronized Instant addressLockedUntil(String address) {
        return addressLockedUntil(requireKey(address, "address"), clock.instant());
    }

    private void countAddressFailure(String address, Instant now) {
        ArrayDeque<Instant> recent = addresses.remove(address);
        if (recent == null) {
            recent = new ArrayDeque<>();
        }
        pruneOlderThanWindow(recent, now);
        recent.addLast(now);
        while (recent.size() > settings.addressFailureLimit()) {
            recent.removeFirst();
        }
        addresses.put(address, recent);
        if (addresses.size() > settings.maximumTrackedAddresses()) {
            sweep(now);
            dropEldest(addresses, settings.maximumTrackedAddresses());
        }
    }

    /** Forgets the failures of {@code account} after a successful login; the address's failures still count. */
    public synchronized void recordSuccess(String account, String address) {
        requireKey(address, "address");
        accounts.remove(requireKey(account, "account"));
    }

    /** Lifts an account's lockout and forgets its failures (an administrator's action). */
    public synchronized void unlock(String account) {
        accounts.remove(requireKey(account, "account"));
    }

    /** Lifts an address's lockout and forgets its failures (an administrator's action). */
    public synchronized void unlockAddress(String address) {
        addresses.remove(requireKey(address, "address"));
    }

    /** The failures counted for {@code account} and not yet forgotten (0 when none). */
    public synchronized int accountFailures(String account) {
        AccountFailures failures = accounts.get(requireKey(account, "account"));
        return failures == null || failures.isForgottenAt(clock.instant(), settings.accountFailureMemory()) ? 0
                : failures.count;
    }

    /**
     * Takes up an account's failures as stored before a restart, unless it has failures counted since: the next
     * failure then locks it for as long as if there had been no restart.
     */
    public synchronized void restoreAccount(String account, int count, Instant lastFailure, Instant lockedUntil) {
        Instant now = clock.instant();
        AccountFailures current = accounts.get(requireKey(account, "account"));
        if (current != null && !current.isForgottenAt(now, settings.accountFailureMemory())) {
            return;
        }
        AccountFailures restored = new AccountFailures();
        restored.count = count;
        restored.lastFailure = lastFailure;
        restored.lockedUntil = lockedUntil;
        if (!restored.isForgottenAt(now, settings.accountFailureMemory())) {
            accounts.put(account, restored);
        }
    }

    /** Number of accounts currently tracked. */
    public synchronized int trackedAccounts() {
        return accounts.size();
    }

    /** Number of addresses currently tracked. */
    public synchronized int trackedAddresses() {
        return addresses.size();
    }

    /** The lockout after the {@code failures}-th failure: the first lockout doubled per failure beyond the threshold, capped. */
    Duration lockoutFor(int failures) {
        int doublings = failures - settings.accountFailureThreshold();
        Duration lockout = settings.firstLockout();
        for (int i = 0; i < doublings && lockout.compareTo(settings.maximumLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maximumLockout()) > 0 ? settings.maximumLockout() : lockout;
    }

    private Instant addressLockedUntil(String address, Instant now) {
        ArrayDeque<Instant> recent = addresses.get(address);
        if (recent == null) {
            return null;
        }
        pruneOlderThanWindow(recent, now);
        if (recent.isEmpty()) {
            addresses.remove(address);
            return null;
        }
        return recent.size() >= settings.addressFailureLimit() ? recent.peekFirst().plus(settings.addressWindow()) : null;
    }

    private void pruneOlderThanWindow(ArrayDeque<Instant> recent, Instant now) {
        Instant windowStart = now.minus(settings.addressWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
    }

    private void sweepIfDue(Instant now) {
        if (!now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
            sweep(now);
        }
    }

    private void sweep(Instant now) {
        lastSweep = now;
        accounts.values().removeIf(failures -> failures.isForgottenAt(now, settings.accountFailureMemory()));
        Iterator<ArrayDeque<Instant>> iterator = addresses.values().iterator();
        while (iterator.hasNext()) {
            ArrayDeque<Instant> recent = iterator.next();
            pruneOlderThanWindow(recent, now);
            if (recent.isEmpty()) {
                iterator.remove();
            }
        }
    }

    private static void dropEldest(Map<String, ?> entries, int maximum) {
        Iterator<String> eldestFirst = entries.keySet().iterator();
        while (entries.size() > maximum && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    private static String requireKey(String key, String name) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return key;
    }

    /** Failures of one account since they were last forgotten. */
    private static final class AccountFailures {
        private int count;
        private Instant lastFailure;
        private Instant lockedUntil;

        boolean isForgottenAt(Instant now, Duration memory) {
            Instant forgetAt = lastFailure.plus(memory);
            if (lockedUntil != null && lockedUntil.isAfter(forgetAt)) {
                forgetAt = lockedUntil;
            }
            return !now.isBefore(forgetAt);
        }
    }
}
