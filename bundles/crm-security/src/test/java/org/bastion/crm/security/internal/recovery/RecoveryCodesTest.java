package org.bastion.crm.security.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTest {

    private final RecoveryCodes recoveryCodes = new RecoveryCodes();

    @Test
    void generatesTenDistinctCodesInTheDisplayFormat() {
        List<String> codes = recoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{2}"));
    }

    @Test
    void codesCarryAtLeastFiftyBits() {
        double bits = RecoveryCodes.CODE_LENGTH * Math.log(32) / Math.log(2);

        assertThat(bits).isGreaterThanOrEqualTo(50.0);
        HashSet<Character> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            recoveryCodes.generate().forEach(code -> code.replace("-", "").chars().forEach(c -> seen.add((char) c)));
        }
        assertThat(seen).hasSize(32).doesNotContain('i', 'l', 'o', 'u', '-');
    }

    @Test
    void storesOnlySaltedHashes() {
        String code = recoveryCodes.generate().get(0);

        String first = recoveryCodes.hash(code);
        String second = recoveryCodes.hash(code);

        assertThat(first).doesNotContain(code.replace("-", "")).isNotEqualTo(second);
        assertThat(RecoveryCodes.match(code, List.of(first))).hasValue(0);
        assertThat(RecoveryCodes.match(code, List.of(second))).hasValue(0);
    }

    @Test
    void matchesTheRightCodeAmongTheSet() {
        List<String> codes = recoveryCodes.generate();
        List<String> hashes = recoveryCodes.hashAll(codes);

        for (int i = 0; i < codes.size(); i++) {
            assertThat(RecoveryCodes.match(codes.get(i), hashes)).hasValue(i);
        }
    }

    @Test
    void aUsedCodeIsRefusedOnceItsHashIsRemoved() {
        List<String> codes = recoveryCodes.generate();
        List<String> hashes = new ArrayList<>(recoveryCodes.hashAll(codes));

        OptionalInt used = RecoveryCodes.match(codes.get(3), hashes);
        hashes.remove(used.getAsInt());

        assertThat(RecoveryCodes.match(codes.get(3), hashes)).isEmpty();
        assertThat(RecoveryCodes.match(codes.get(4), hashes)).isPresent();
    }

    @Test
    void normalisesCaseDashesSpacesAndLookalikes() {
        String hash = recoveryCodes.hash("ab01-cdef-gh");

        assertThat(RecoveryCodes.match("AB01CDEFGH", List.of(hash))).hasValue(0);
        assertThat(RecoveryCodes.match(" ab 01 - cd ef - gh ", List.of(hash))).hasValue(0);
        assertThat(RecoveryCodes.match("abOI-cdef-gh", List.of(hash))).hasValue(0);
        assertThat(RecoveryCodes.match("abol-cdef-gh", List.of(hash))).hasValue(0);
        assertThat(RecoveryCodes.normalise("AB0L-CDEF-GH")).hasValue("ab01cdefgh");
    }

    @Test
    void refusesAWrongCode() {
        List<String> hashes = recoveryCodes.hashAll(List.of("ab01-cdef-gh"));

        assertThat(RecoveryCodes.match("ab01-cdef-gj", hashes)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab01-cdef-g", "ab01-cdef-ghj", "ab01-cdef-gu", "ab01_cdef-gh", "ab01-cdéf-gh"})
    void refusesMalformedCodes(String code) {
        List<String> hashes = recoveryCodes.hashAll(List.of("ab01-cdef-gh"));

        assertThat(RecoveryCodes.normalise(code)).isEmpty();
        assertThat(RecoveryCodes.match(code, hashes)).isEmpty();
    }

    @Test
    void toleratesCorruptStoredHashes() {
        String good = recoveryCodes.hash("ab01-cdef-gh");
        List<String> hashes = new ArrayList<>();
        hashes.add("no colon");
        hashes.add("!!!:???");
        hashes.add(null);
        hashes.add(good);

        assertThat(RecoveryCodes.match("ab01-cdef-gh", hashes)).hasValue(3);
    }

    @Test
    void refusesToHashSomethingThatIsNotACode() {
        assertThatThrownBy(() -> recoveryCodes.hash("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
