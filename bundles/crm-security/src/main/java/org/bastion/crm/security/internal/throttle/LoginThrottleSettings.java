package org.bastion.crm.security.internal.throttle;

import java.time.Duration;

/**
 * The limits a {@link LoginThrottle} enforces.
 *
 * @param accountFailureThreshold failed logins of one account (from any address) after which it is locked
 * @param firstLockout how long the first lockout lasts; each further failure doubles it
 * @param maximumLockout the longest lockout
 * @param accountFailureMemory how long after its last failure (and not before its lockout ends) an account's failures are
 *     forgotten
 * @param addressFailureLimit failed logins from one address (for any accounts) within {@code addressWindow} after which the
 *     address is refused until the oldest of them leaves the window
 * @param addressWindow the sliding window for the per-address limit
 * @param maximumTrackedAccounts the most accounts tracked at once; beyond it the least recently failed entry is dropped
 * @param maximumTrackedAddresses the most addresses tracked at once; beyond it the least recently failed entry is dropped
 */
public record LoginThrottleSettings(int accountFailureThreshold, Duration firstLockout, Duration maximumLockout,
        Duration accountFailureMemory, int addressFailureLimit, Duration addressWindow, int maximumTrackedAccounts,
        int maximumTrackedAddresses) {

    /** Five failures lock an account for 1 minute, doubling up to 15; 20 failures per address per 10 minutes. */
    public static final LoginThrottleSettings DEFAULTS = new LoginThrottleSettings(5, Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofHours(1), 20, Duration.ofMinutes(10), 100_000, 100_000);

    public LoginThrottleSettings {
        requirePositive(accountFailureThreshold, "accountFailureThreshold");
        requirePositive(addressFailureLimit, "addressFailureLimit");
        requirePositive(maximumTrackedAccounts, "maximumTrackedAccounts");
        requirePositive(maximumTrackedAddresses, "maximumTrackedAddresses");
        requirePositive(firstLockout, "firstLockout");
        requirePositive(maximumLockout, "maximumLockout");
        requirePositive(accountFailureMemory, "accountFailureMemory");
        requirePositive(addressWindow, "addressWindow");
        if (maximumLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("maximumLockout must not be shorter than firstLockout");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
