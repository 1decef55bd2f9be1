package org.bastion.crm.security.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bastion.crm.security.internal.throttle.LoginDecision.LockScope;
import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleSettings.DEFAULTS, clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, address);
        }
    }

    @Test
    void allowsUntilTheFifthFailureThenLocksTheAccountForOneMinute() {
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();

        throttle.recordFailure("alice", "10.0.0.1");

        LoginDecision decision = throttle.check("alice", "10.0.0.2");
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.lockedBy()).isEqualTo(LockScope.ACCOUNT);
        assertThat(decision.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(throttle.check("bob", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void reportsWhenAnAccountAndAnAddressAreLocked() {
        assertThat(throttle.accountLockedUntil("alice")).isNull();
        fail("alice", "10.0.0.1", 5);

        assertThat(throttle.accountLockedUntil("alice")).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(throttle.addressLockedUntil("10.0.0.1")).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.accountLockedUntil("alice")).isNull();
    }

    @Test
    void failuresNamingNoAccountCountOnlyForTheAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.recordAddressFailure("10.0.0.9");
        }

        assertThat(throttle.addressLockedUntil("10.0.0.9")).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(throttle.check("anyone", "10.0.0.9").lockedBy()).isEqualTo(LockScope.ADDRESS);
        assertThat(throttle.trackedAccounts()).isZero();
        assertThat(throttle.check("anyone", "10.0.0.10").isAllowed()).isTrue();
    }

    @Test
    void lockoutExpires() {
        fail("alice", "10.0.0.1", 5);

        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void lockoutDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        fail("alice", "10.0.0.1", 5);
        List<Duration> lockouts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant lockedUntil = throttle.check("alice", "10.0.0.1").lockedUntil();
            lockouts.add(Duration.between(clock.instant(), lockedUntil));
            clock.advance(Duration.between(clock.instant(), lockedUntil));
            assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
            throttle.recordFailure("alice", "10.0.0.1");
        }

        assertThat(lockouts).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        fail("alice", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(59));
        throttle.recordFailure("alice", "10.0.0.1");
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isFalse();

        clock.advance(Duration.ofHours(1));
        throttle.recordFailure("alice", "10.0.0.3");

        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void successResetsTheAccountsFailures() {
        fail("alice", "10.0.0.1", 4);

        throttle.recordSuccess("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 4);

        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void unlockLiftsALockout() {
        fail("alice", "10.0.0.1", 7);
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isFalse();

        throttle.unlock("alice");

        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
        throttle.recordFailure("alice", "10.0.0.1");
        assertThat(throttle.check("alice", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void refusesAnAddressAfterTwentyFailuresAcrossAccountsWithinTenMinutes() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("user" + i, "203.0.113.9");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.check("victim", "203.0.113.9").isAllowed()).isTrue();
        Instant first = clock.instant().minus(Duration.ofSeconds(190));

        throttle.recordFailure("user19", "203.0.113.9");

        LoginDecision decision = throttle.check("victim", "203.0.113.9");
        assertThat(decision.lockedBy()).isEqualTo(LockScope.ADDRESS);
        assertThat(decision.lockedUntil()).isEqualTo(first.plus(Duration.ofMinutes(10)));
        assertThat(throttle.check("victim", "198.51.100.1").isAllowed()).isTrue();
        throttle.recordSuccess("user0", "203.0.113.9");
        assertThat(throttle.check("victim", "203.0.113.9").isAllowed()).as("a success does not clear the address").isFalse();

        clock.advance(Duration.between(clock.instant(), decision.lockedUntil()));
        assertThat(throttle.check("victim", "203.0.113.9").isAllowed()).as("the oldest failure left the window").isTrue();
    }

    @Test
    void adminCanUnlockAnAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "203.0.113.9");
        }
        assertThat(throttle.check("victim", "203.0.113.9").isAllowed()).isFalse();

        throttle.unlockAddress("203.0.113.9");

        assertThat(throttle.check("victim", "203.0.113.9").isAllowed()).isTrue();
    }

    @Test
    void whenBothAreLockedTheLaterEndIsReported() {
        fail("alice", "203.0.113.9", 20);

        LoginDecision decision = throttle.check("alice", "203.0.113.9");

        assertThat(decision.lockedBy()).isEqualTo(LockScope.ACCOUNT);
        assertThat(decision.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void expiredEntriesAreDropped() {
        fail("alice", "10.0.0.1", 5);
        throttle.recordFailure("bob", "10.0.0.2");
        assertThat(throttle.trackedAccounts()).isEqualTo(2);
        assertThat(throttle.trackedAddresses()).isEqualTo(2);

        clock.advance(Duration.ofHours(1));
        throttle.check("carol", "10.0.0.3");

        assertThat(throttle.trackedAccounts()).isZero();
        assertThat(throttle.trackedAddresses()).isZero();
    }

    @Test
    void tracksAtMostTheConfiguredNumberOfAccountsAndAddresses() {
        LoginThrottleSettings small = new LoginThrottleSettings(5, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 20, Duration.ofMinutes(10), 3, 2);
        LoginThrottle bounded = new LoginThrottle(small, clock);

        for (int i = 0; i < 100; i++) {
            bounded.recordFailure("user" + i, "10.0.0." + i);
        }

        assertThat(bounded.trackedAccounts()).isEqualTo(3);
        assertThat(bounded.trackedAddresses()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            bounded.recordFailure("user99", "10.0.0.99");
        }
        assertThat(bounded.check("user99", "10.0.0.1").isAllowed()).as("the most recent entries are kept").isFalse();
    }

    @Test
    void countsEveryFailureUnderConcurrency() throws Exception {
        LoginThrottleSettings settings = new LoginThrottleSettings(4000, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000, Duration.ofMinutes(10), 100, 100);
        LoginThrottle shared = new LoginThrottle(settings, clock);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        shared.recordFailure("alice", "10.0.0.1");
                        shared.check("alice", "10.0.0.1");
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(shared.check("alice", "10.0.0.1").lockedBy()).isEqualTo(LockScope.ACCOUNT);
        shared.unlock("alice");
        shared.recordFailure("alice", "10.0.0.1");
        assertThat(shared.check("alice", "10.0.0.1").isAllowed()).isTrue();
    }

    @Test
    void rejectsMissingKeysAndInconsistentSettings() {
        assertThatThrownBy(() -> throttle.check("", "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle.recordFailure("alice", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottleSettings(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
                Duration.ofHours(1), 20, Duration.ofMinutes(10), 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
