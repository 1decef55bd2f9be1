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
        assertThat(window("r", t0).mark("k", five)).isEqualTo(1);
        assertThat(window("r", t0.plusSeconds(60)).mark("k", five)).isEqualTo(2);
        assertThat(window("r", t0.plusSeconds(301)).mark("k", five)).isEqualTo(2);
        assertThat(window("r", t0.plusSeconds(1000)).mark("k", five)).isEqualTo(1);
    }

    @Test
    void keysAndRulesAreKeptApart() {
        window("r", t0).mark("k", Duration.ofMinutes(5));
        assertThat(window("r", t0).mark("other", Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(window("s", t0).mark("k", Duration.ofMinutes(5))).isEqualTo(1);
    }

    @Test
    void anEntryToldTwiceCountsOnce() {
        DbRuleWindow same = new DbRuleWindow(f.windows, "r", 77, t0);
        assertThat(same.mark("k", Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(same.mark("k", Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(same.markDistinct("d", "a", Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(same.markDistinct("d", "a", Duration.ofMinutes(5))).isEqualTo(1);
    }

    @Test
    void distinctValuesAreCountedOnce() {
        Duration ten = Duration.ofMinutes(10);
        assertThat(window("r", t0).markDistinct("address:x", "alice", ten)).isEqualTo(1);
        assertThat(window("r", t0).markDistinct("address:x", "alice", ten)).isEqualTo(1);
        assertThat(window("r", t0).markDistinct("address:x", "bob", ten)).isEqualTo(2);
        assertThat(window("r", t0).mark("address:x", ten)).isEqualTo(1);
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
        assertThat(window("r", t0).mark(longKey, Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(window("r", t0).mark(longKey, Duration.ofMinutes(1))).isEqualTo(2);
    }

    @Test
    void pruningDeletesOldMarksOnly() {
        window("r", t0).mark("k", Duration.ofDays(2));
        window("r", t0.plus(Duration.ofHours(25))).mark("k", Duration.ofDays(2));
        assertThat(f.windows.prune(t0.plus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(window("r", t0.plus(Duration.ofHours(26))).mark("k", Duration.ofDays(2))).isEqualTo(2);
    }

    @Test
    void emptyKeysAndNonPositiveWindowsAreRefused() {
        assertThatThrownBy(() -> window("r", t0).mark("", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window("r", t0).mark("k", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
