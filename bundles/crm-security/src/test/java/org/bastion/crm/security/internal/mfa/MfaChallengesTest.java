package org.bastion.crm.security.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.Test;

class MfaChallengesTest {

    private static final String ADDRESS = "192.0.2.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MfaChallenges challenges = new MfaChallenges(clock, new SecureRandom());

    @Test
    void whenFullTheOldestChallengeMakesRoomAndTheOthersStayUsable() {
        String oldest = challenges.issue("u0", ADDRESS, Duration.ofMinutes(5)).challenge();
        String next = challenges.issue("u1", ADDRESS, Duration.ofMinutes(5)).challenge();
        for (int i = 2; i < MfaChallenges.MAX_PENDING; i++) {
            challenges.issue("u" + i, ADDRESS, Duration.ofMinutes(5));
        }

        String newest = challenges.issue("new", ADDRESS, Duration.ofMinutes(5)).challenge();

        assertThat(challenges.size()).isEqualTo(MfaChallenges.MAX_PENDING);
        assertThat(challenges.take(oldest, ADDRESS)).as("the oldest made room").isEmpty();
        assertThat(challenges.take(next, ADDRESS)).contains("u1");
        assertThat(challenges.take(newest, ADDRESS)).contains("new");
    }

    @Test
    void whenFullExpiredChallengesGoFirst() {
        String expiring = challenges.issue("short", ADDRESS, Duration.ofSeconds(30)).challenge();
        String oldest = challenges.issue("u0", ADDRESS, Duration.ofMinutes(5)).challenge();
        for (int i = 2; i < MfaChallenges.MAX_PENDING; i++) {
            challenges.issue("u" + i, ADDRESS, Duration.ofMinutes(5));
        }
        clock.advance(Duration.ofMinutes(1));

        challenges.issue("new", ADDRESS, Duration.ofMinutes(5));

        assertThat(challenges.size()).isEqualTo(MfaChallenges.MAX_PENDING);
        assertThat(challenges.take(expiring, ADDRESS)).isEmpty();
        assertThat(challenges.take(oldest, ADDRESS)).as("an expired one made room").contains("u0");
    }
}
