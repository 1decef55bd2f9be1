package org.bastion.crm.backup.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class KeyBackupRefresherTest {

    private static final Event DESTROYED = new Event(RecordKeyBackup.KEYS_DESTROYED_TOPIC, Map.of("count", 1L));

    /** The tasks handed to the executor and their delays, run by hand. */
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger rewrites = new AtomicInteger();
    private KeyBackupRefresher refresher;

    @BeforeEach
    void refresher() {
        ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
        when(executor.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.NANOSECONDS))).thenAnswer(call -> {
            tasks.add(call.getArgument(0));
            delays.add(call.getArgument(1));
            return null;
        });
        refresher = new KeyBackupRefresher(executor, rewrites::incrementAndGet, nanos::get, Duration.ofSeconds(3));
    }

    private void runNext() {
        tasks.remove(0).run();
    }

    @Test
    void theFirstDestructionRewritesTheKeyBackupAtOnce() {
        refresher.handleEvent(DESTROYED);

        assertThat(delays).containsExactly(0L);
        runNext();
        assertThat(rewrites).hasValue(1);
        assertThat(refresher.problem()).isNull();
    }

    @Test
    void aBurstOfDestructionsRewritesOnceMoreAfterTheInterval() {
        refresher.handleEvent(DESTROYED);
        refresher.handleEvent(DESTROYED);
        runNext();
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        for (int i = 0; i < 20; i++) {
            refresher.handleEvent(DESTROYED);
        }

        assertThat(delays).containsExactly(0L, Duration.ofMillis(2500).toNanos());
        runNext();
        assertThat(rewrites).hasValue(2);
        assertThat(tasks).isEmpty();
    }

    @Test
    void aDestructionLongAfterTheLastRewriteIsNotDelayed() {
        refresher.handleEvent(DESTROYED);
        runNext();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        refresher.handleEvent(DESTROYED);

        assertThat(delays).containsExactly(0L, 0L);
    }

    @Test
    void aFailedRewriteIsLoggedAndTheNextDestructionTriesAgain() {
        ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
        when(executor.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.NANOSECONDS))).thenAnswer(call -> {
            tasks.add(call.getArgument(0));
            return null;
        });
        KeyBackupRefresher failing = new KeyBackupRefresher(executor, () -> {
            rewrites.incrementAndGet();
            throw new IllegalStateException("keys locked");
        }, nanos::get, Duration.ofSeconds(3));

        failing.handleEvent(DESTROYED);
        runNext();
        assertThat(failing.problem()).startsWith("the key backup could not be rewritten after record keys were"
                + " destroyed (IllegalStateException)");
        failing.handleEvent(DESTROYED);
        runNext();

        assertThat(rewrites).hasValue(2);
    }
}
