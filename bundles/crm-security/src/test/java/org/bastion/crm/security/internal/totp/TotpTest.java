package org.bastion.crm.security.internal.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.ofEpochSecond(1_111_111_111L);
    private static final long NO_CODE_USED = Long.MIN_VALUE;

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238AppendixBSha1Vectors(long epochSecond, String eightDigits) {
        long step = Totp.stepAt(Instant.ofEpochSecond(epochSecond));

        assertThat(Totp.codeAt(RFC_SEED, step, 8)).isEqualTo(eightDigits);
        assertThat(Totp.codeAt(RFC_SEED, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void acceptsTheCurrentCodeAndReportsItsStep() {
        long step = Totp.stepAt(NOW);

        assertThat(Totp.matchingStep(RFC_SEED, "050471", NOW, NO_CODE_USED)).hasValue(step);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1})
    void acceptsOneStepOfDriftEitherWay(int drift) {
        long step = Totp.stepAt(NOW) + drift;
        String code = Totp.codeAt(RFC_SEED, step);

        assertThat(Totp.matchingStep(RFC_SEED, code, NOW, NO_CODE_USED)).hasValue(step);
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 2})
    void refusesTwoStepsOfDrift(int drift) {
        String code = Totp.codeAt(RFC_SEED, Totp.stepAt(NOW) + drift);

        assertThat(Totp.matchingStep(RFC_SEED, code, NOW, NO_CODE_USED)).isEmpty();
    }

    @Test
    void refusesACodeWhoseStepWasAlreadyUsed() {
        String code = Totp.codeAt(RFC_SEED, Totp.stepAt(NOW));
        OptionalLong first = Totp.matchingStep(RFC_SEED, code, NOW, NO_CODE_USED);

        assertThat(first).isPresent();
        assertThat(Totp.matchingStep(RFC_SEED, code, NOW, first.getAsLong())).isEmpty();
    }

    @Test
    void refusesAnOlderCodeAfterANewerOneWasUsed() {
        long current = Totp.stepAt(NOW);
        String previous = Totp.codeAt(RFC_SEED, current - 1);

        assertThat(Totp.matchingStep(RFC_SEED, previous, NOW, current)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, previous, NOW, current - 2)).hasValue(current - 1);
    }

    @Test
    void refusesAWrongCode() {
        String right = Totp.codeAt(RFC_SEED, Totp.stepAt(NOW));
        String wrong = right.equals("000000") ? "000001" : "000000";

        assertThat(Totp.matchingStep(RFC_SEED, wrong, NOW, NO_CODE_USED)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"05047", "0504711", "05O471", " 050471", "050 471", "-50471", "０５０４７１"})
    void refusesMalformedCodes(String code) {
        assertThat(Totp.matchingStep(RFC_SEED, code, NOW, NO_CODE_USED)).isEmpty();
    }

    @Test
    void refusesAMissingSecretClearly() {
        assertThatThrownBy(() -> Totp.matchingStep(new byte[0], "050471", NOW, NO_CODE_USED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void stepsBeforeTheEpochRoundDown() {
        assertThat(Totp.stepAt(Instant.ofEpochSecond(-1))).isEqualTo(-1);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
    }
}
