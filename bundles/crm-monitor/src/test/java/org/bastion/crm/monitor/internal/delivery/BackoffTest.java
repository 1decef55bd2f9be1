package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleFromOneSecondUpToAMinute() {
        Backoff backoff = new Backoff(12);
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(11)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void noWaitAfterTheLastAttempt() {
        assertThat(new Backoff(12).after(12)).isNull();
        assertThat(new Backoff(1).after(1)).isNull();
    }

    @Test
    void defaultAttemptsOutlastAFewMinutesOfOutage() {
        assertThat(new Backoff(12).span()).isEqualTo(Duration.ofSeconds(1 + 2 + 4 + 8 + 16 + 32 + 5 * 60));
    }
}
