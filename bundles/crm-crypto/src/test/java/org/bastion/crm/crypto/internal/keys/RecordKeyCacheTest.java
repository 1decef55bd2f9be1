package org.bastion.crm.crypto.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.bastion.crm.api.crypto.RecordRef;
import org.junit.jupiter.api.Test;

class RecordKeyCacheTest {

    private static final RecordRef ONE = new RecordRef("contact", "1");
    private static final RecordRef TWO = new RecordRef("contact", "2");
    private static final RecordRef THREE = new RecordRef("contact", "3");

    private static byte[] bytes() {
        byte[] bytes = new byte[32];
        KeyMaterial.randomBytes(bytes);
        bytes[0] = 1;
        return bytes;
    }

    private static boolean zeroed(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void evictionWipesTheLeastRecentlyUsedKey() {
        RecordKeyCache cache = new RecordKeyCache(2);
        byte[] one = bytes();
        byte[] two = bytes();
        byte[] three = bytes();
        cache.put(ONE, new KeyMaterial(one));
        KeyMaterial second = new KeyMaterial(two);
        cache.put(TWO, second);
        cache.get(ONE);

        cache.put(THREE, new KeyMaterial(three));

        assertThat(cache.get(TWO)).isNull();
        assertThat(zeroed(two)).isTrue();
        assertThat(second.wiped()).isTrue();
        assertThat(zeroed(one)).isFalse();
        assertThat(zeroed(three)).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void invalidatingClearingResizingAndReplacingWipe() {
        RecordKeyCache cache = new RecordKeyCache(10);
        byte[] one = bytes();
        byte[] two = bytes();
        byte[] three = bytes();
        byte[] replaced = bytes();
        cache.put(ONE, new KeyMaterial(one));
        cache.put(TWO, new KeyMaterial(two));
        cache.put(THREE, new KeyMaterial(replaced));
        cache.put(THREE, new KeyMaterial(three));
        assertThat(zeroed(replaced)).isTrue();

        cache.invalidate(ONE);
        assertThat(zeroed(one)).isTrue();

        cache.resize(1);
        assertThat(zeroed(two)).isTrue();
        assertThat(zeroed(three)).isFalse();

        cache.clear();
        assertThat(zeroed(three)).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aLoadThatRacedAnInvalidationIsNotCached() {
        RecordKeyCache cache = new RecordKeyCache(10);
        long seen = cache.invalidations();
        cache.invalidate(TWO);
        KeyMaterial loaded = new KeyMaterial(bytes());

        assertThat(cache.putLoaded(ONE, loaded, seen)).isSameAs(loaded);
        assertThat(cache.get(ONE)).isNull();
        assertThat(cache.putLoaded(ONE, loaded, cache.invalidations())).isSameAs(loaded);
        assertThat(cache.get(ONE)).isSameAs(loaded);
    }

    @Test
    void aSecondLoadOfTheSameRecordKeepsTheFirstAndWipesItself() {
        RecordKeyCache cache = new RecordKeyCache(10);
        KeyMaterial first = new KeyMaterial(bytes());
        byte[] duplicateBytes = bytes();
        cache.putLoaded(ONE, first, cache.invalidations());

        assertThat(cache.putLoaded(ONE, new KeyMaterial(duplicateBytes), cache.invalidations())).isSameAs(first);
        assertThat(zeroed(duplicateBytes)).isTrue();
    }
}
