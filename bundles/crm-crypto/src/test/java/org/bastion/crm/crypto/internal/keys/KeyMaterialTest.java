package org.bastion.crm.crypto.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void randomKeysHave256BitsAndDiffer() {
        byte[] one = KeyMaterial.random().use(byte[]::clone);
        byte[] two = KeyMaterial.random().use(byte[]::clone);

        assertThat(one).hasSize(32).isNotEqualTo(two);
    }

    @Test
    void aWipedKeyIsZeroedAndCannotBeUsed() {
        byte[] bytes = {1, 2, 3};
        KeyMaterial key = new KeyMaterial(bytes);

        key.wipe();

        assertThat(bytes).containsOnly(0);
        assertThat(key.wiped()).isTrue();
        assertThatThrownBy(() -> key.use(byte[]::clone)).isInstanceOf(KeyMaterial.KeyWipedException.class);
    }

    @Test
    void wipingWaitsForAUseInProgress() throws Exception {
        byte[] bytes = {7, 7, 7};
        KeyMaterial key = new KeyMaterial(bytes);
        CountDownLatch inUse = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> user = threads.submit(() -> key.use(b -> {
                inUse.countDown();
                release.await();
                return b.clone();
            }));
            inUse.await();
            Future<?> wiper = threads.submit(key::wipe);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!key.lockQueued() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(wiper.isDone()).isFalse();

            release.countDown();

            assertThat(user.get(10, TimeUnit.SECONDS)).containsExactly(7, 7, 7);
            wiper.get(10, TimeUnit.SECONDS);
            assertThat(bytes).containsOnly(0);
        } finally {
            threads.shutdownNow();
        }
    }
}
