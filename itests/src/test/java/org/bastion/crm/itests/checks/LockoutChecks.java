package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.EventCollector;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.SecurityTopics;
import org.bastion.crm.itests.support.TestUser;
import org.osgi.framework.BundleContext;

/**
 * Brute-force defence: five failures lock an account (even the right password is then refused with 429 and
 * Retry-After) until an administrator unlocks it, with the events published; and the per-address limit across
 * accounts refuses the address after exactly its configured number of failures, until its window has passed.
 */
public final class LockoutChecks {

    /**
     * Failures from one address the suites allow per window: above what the other checks cause together within one
     * window, so that only the address check reaches it (the default of 20 in 10 minutes would be).
     */
    public static final int SUITE_ADDRESS_FAILURES = 40;

    /** The suites' per-address window in minutes: short, so that the address check can wait for it to pass. */
    public static final int SUITE_ADDRESS_WINDOW_MINUTES = 1;

    private static final int ACCOUNT_FAILURES = 5;
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration ADDRESS_WINDOW = Duration.ofMinutes(SUITE_ADDRESS_WINDOW_MINUTES);

    private final CrmApi admin;
    private final CrmUsers users;
    private final Logins logins;
    private final BundleContext bundleContext;

    /** Checks with an administrator's client, clients from {@code clients} and the container's events. */
    public LockoutChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.bundleContext = bundleContext;
    }

    /**
     * Five wrong passwords (401 each) lock the account: the sixth try is refused with 429 and Retry-After even with
     * the right password; LOGIN_FAILED and ACCOUNT_LOCKED are published; an admin unlock (ACCOUNT_UNLOCKED) lets the
     * right password in again.
     */
    public void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() {
        TestUser user = users.create("lockout");
        try (EventCollector failed = EventCollector.listen(bundleContext, SecurityTopics.LOGIN_FAILED);
                EventCollector locked = EventCollector.listen(bundleContext, SecurityTopics.ACCOUNT_LOCKED);
                EventCollector unlocked = EventCollector.listen(bundleContext, SecurityTopics.ACCOUNT_UNLOCKED)) {
            List<String> triedPasswords = new ArrayList<>();
            for (int i = 1; i <= ACCOUNT_FAILURES; i++) {
                String wrong = CrmUsers.newPassword();
                triedPasswords.add(wrong);
                Expect.problem(401, logins.passwordStep(user.username(), wrong));
            }
            assertTooManyAttempts(logins.passwordStep(user.username(), user.password()), 15 * 60);
            assertEquals("the account shows as locked", "LOCKED",
                    users.get(user).path("status").asText().toUpperCase(Locale.ROOT));

            Await.until(ACCOUNT_FAILURES + " LOGIN_FAILED events for " + user, EVENT_WAIT,
                    () -> failed.received().stream().filter(event -> concerns(event, user)).toList(),
                    events -> events.size() >= ACCOUNT_FAILURES).forEach(event -> {
                        assertTrue("the event names the address: " + event, hasText(event, SecurityTopics.ADDRESS));
                        assertTrue("the event names the user agent: " + event, hasText(event, SecurityTopics.USER_AGENT));
                        triedPasswords.forEach(password -> assertFalse("no password in the event: " + event.keySet(),
                                event.values().stream().anyMatch(value -> String.valueOf(value).contains(password))));
                    });
            locked.await("ACCOUNT_LOCKED for " + user, EVENT_WAIT, event -> concerns(event, user));

            JsonNode afterUnlock = Expect.json(200, admin.post(user.path() + "/unlock", null));
            assertEquals("unlocked: " + afterUnlock, "ACTIVE", afterUnlock.path("status").asText().toUpperCase(Locale.ROOT));
            unlocked.await("ACCOUNT_UNLOCKED for " + user, EVENT_WAIT, event -> concerns(event, user));
            logins.logout(logins.token(user.username(), user.password()));
        }
    }

    /**
     * From a clean window, the configured number of failures across distinct (unknown) accounts is answered 401, and
     * then the address is refused with 429, even for a valid user with the right password (ADDRESS_THROTTLED is
     * published), until the window has passed. Waits for one window before and one after (about two minutes).
     */
    public void addressIsRefusedAfterItsConfiguredFailures() {
        TestUser user = users.create("address");
        awaitClock("the failures of earlier checks to leave the address window", Instant.now().plus(ADDRESS_WINDOW));
        try (EventCollector throttled = EventCollector.listen(bundleContext, SecurityTopics.ADDRESS_THROTTLED)) {
            Instant firstFailure = Instant.now();
            Instant lastFailure = firstFailure;
            for (int i = 1; i <= SUITE_ADDRESS_FAILURES; i++) {
                ApiResponse answer = logins.passwordStep(CrmUsers.newUsername("stuffing"), CrmUsers.newPassword());
                if (answer.status() != 401) {
                    fail("failure " + i + " of the " + SUITE_ADDRESS_FAILURES + " allowed per address must be answered 401 "
                            + "(is throttle.addressFailures=" + SUITE_ADDRESS_FAILURES + " applied?): " + answer.describe());
                }
                Expect.problem(401, answer);
                lastFailure = Instant.now();
            }
            ApiResponse refused = logins.passwordStep(user.username(), user.password());
            if (refused.status() == 200) {
                fail("after " + SUITE_ADDRESS_FAILURES + " failures in " + Duration.between(firstFailure, lastFailure)
                        .toMillis() + " ms the address is still allowed (window " + ADDRESS_WINDOW + "; is "
                        + "throttle.addressWindowMinutes applied?): " + refused.describe());
            }
            assertTooManyAttempts(refused, ADDRESS_WINDOW.toSeconds() + 1);
            throttled.await("ADDRESS_THROTTLED", EVENT_WAIT,
                    event -> hasText(event, SecurityTopics.ADDRESS));
            awaitClock("the address window to pass", lastFailure.plus(ADDRESS_WINDOW));
            logins.logout(logins.token(user.username(), user.password()));
        }
    }

    private static void assertTooManyAttempts(ApiResponse refused, long maximumRetryAfterSeconds) {
        JsonNode problem = Expect.problem(429, refused);
        assertTrue("the problem type says too many attempts: " + refused.describe(),
                problem.path("type").asText().endsWith("too-many-attempts"));
        String retryAfter = refused.header("Retry-After");
        assertTrue("Retry-After in seconds: " + retryAfter, retryAfter != null && retryAfter.matches("\\d+"));
        long seconds = Long.parseLong(retryAfter);
        assertTrue("Retry-After between 1 and " + maximumRetryAfterSeconds + " s: " + seconds,
                seconds >= 1 && seconds <= maximumRetryAfterSeconds);
    }

    private static boolean hasText(Map<String, Object> event, String property) {
        return event.get(property) instanceof String text && !text.isBlank();
    }

    private static boolean concerns(Map<String, Object> event, TestUser user) {
        return user.username().equals(event.get(SecurityTopics.USERNAME)) || user.id().equals(event.get(SecurityTopics.USER_ID));
    }

    /** Polls the clock (no request is sent meanwhile) until {@code instant} plus two seconds has passed. */
    private static void awaitClock(String what, Instant instant) {
        Instant deadline = instant.plusSeconds(2);
        Await.until(what, Duration.between(Instant.now(), deadline).plusSeconds(10), Instant::now,
                now -> now.isAfter(deadline));
    }
}
