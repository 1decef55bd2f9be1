package org.bastion.crm.monitor.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.bastion.crm.monitor.internal.MonitorFixture;
import org.junit.jupiter.api.Test;

class WindowStoreTest {

    private final MonitorFixture f = new MonitorFixture();
    private final Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
    private long sequence;

    private DbRuleWindow window(String rule, Instant time) {
        return new DbRuleWindow(f.windows, rule, ++sequence, time);
    }

    @Test
    void marksCountWithinTheWindowUpToTheEntrysTime() {
        Duration five = Duration.ofMinutes(5);
        assertThat(window("r", t0).mark("k", five, 100)).isEqualTo(1);
        assertThat(window("r", t0.plusSeconds(60)).mark("k", five, 100)).isEqualTo(2);
        assertThat(window("r", t0.plusSeconds(301)).mark("k", five, 100)).isEqualTo(2);
        assertThat(window("r", t0.plusSeconds(1000)).mark("k", five, 100)).isEqualTo(1);
    }

    @Test
    void keysAndRulesAreKeptApart() {
        window("r", t0).mark("k", Duration.ofMinutes(5), 100);
        assertThat(window("r", t0).mark("other", Duration.ofMinutes(5), 100)).isEqualTo(1);
        assertThat(window("s", t0).mark("k", Duration.ofMinutes(5), 100)).isEqualTo(1);
    }

    @Test
    void anEntryToldTwiceCountsOnce() {
        DbRuleWindow same = new DbRuleWindow(f.windows, "r", 77, t0);
        assertThat(same.mark("k", Duration.ofMinutes(5), 100)).isEqualTo(1);
        assertThat(same.mark("k", Duration.ofMinutes(5), 100)).isEqualTo(1);
        assertThat(same.markDistinct("d", "a", Duration.ofMinutes(5), 100)).isEqualTo(1);
        assertThat(same.markDistinct("d", "a", Duration.ofMinutes(5), 100)).isEqualTo(1);
    }

    @Test
    void distinctValuesAreCountedOnce() {
        Duration ten = Duration.ofMinutes(10);
        assertThat(window("r", t0).markDistinct("address:x", "alice", ten, 100)).isEqualTo(1);
        assertThat(window("r", t0).markDistinct("address:x", "alice", ten, 100)).isEqualTo(1);
        assertThat(window("r", t0).markDistinct("address:x", "bob", ten, 100)).isEqualTo(2);
        assertThat(window("r", t0).mark("address:x", ten, 100)).isEqualTo(1);
    }

    @Test
    void firstSeenRemembersForGood() {
        assertThat(window("r", t0).firstSeen("user:1", "203.0.113.1")).isTrue();
        assertThat(window("r", t0.plus(Duration.ofDays(400))).firstSeen("user:1", "203.0.113.1")).isFalse();
        assertThat(window("other", t0).firstSeen("user:1", "203.0.113.1")).isTrue();
    }

    @Test
    void longKeysAreStoredAsTheirHash() {
        String longKey = "k".repeat(1000);
        assertThat(window("r", t0).mark(longKey, Duration.ofMinutes(1), 100)).isEqualTo(1);
        assertThat(window("r", t0).mark(longKey, Duration.ofMinutes(1), 100)).isEqualTo(2);
    }

    @Test
    void pruningDeletesOldMarksOnly() {
        window("r", t0).mark("k", Duration.ofDays(2), 100);
        window("r", t0.plus(Duration.ofHours(25))).mark("k", Duration.ofDays(2), 100);
        assertThat(f.windows.prune(t0.plus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(window("r", t0.plus(Duration.ofHours(26))).mark("k", Duration.ofDays(2), 100)).isEqualTo(2);
    }

    @Test
    void emptyKeysAndNonPositiveWindowsAreRefused() {
        assertThatThrownBy(() -> window("r", t0).mark("", Duration.ofMinutes(1), 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window("r", t0).mark("k", Duration.ZERO, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window("r", t0).mark("k", Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsStopAtTheLimitARuleAsksFor() {
        Duration hour = Duration.ofHours(1);
        for (int i = 0; i < 10; i++) {
            window("cap", t0.plusSeconds(i)).mark("k", hour, 100);
            window("cap", t0.plusSeconds(i)).markDistinct("d", "v" + i, hour, 100);
        }
        assertThat(window("cap", t0.plusSeconds(20)).mark("k", hour, 4)).isEqualTo(4);
        assertThat(window("cap", t0.plusSeconds(20)).markDistinct("d", "v-new", hour, 3)).isEqualTo(3);
        assertThat(window("cap", t0.plusSeconds(21)).mark("k", hour, 100)).isEqualTo(12);
    }
}
