package org.bastion.crm.itests.support;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.Test;

/**
 * The test TOTP generator against the SHA-1 test vectors of RFC 6238 (appendix B) and Base32 against RFC 4648;
 * a plain unit test run by Surefire, outside any container.
 */
public class TotpTest {

    /** The RFC 6238 SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void eightDigitCodesMatchTheRfc6238Sha1Vectors() {
        assertEquals("94287082", codeAt(59L, 8));
        assertEquals("07081804", codeAt(1111111109L, 8));
        assertEquals("14050471", codeAt(1111111111L, 8));
        assertEquals("89005924", codeAt(1234567890L, 8));
        assertEquals("69279037", codeAt(2000000000L, 8));
        assertEquals("65353130", codeAt(20000000000L, 8));
    }

    @Test
    public void sixDigitCodesAreTheLastSixDigitsOfTheVectors() {
        assertEquals("287082", codeAt(59L, 6));
        assertEquals("081804", codeAt(1111111109L, 6));
        assertEquals("005924", codeAt(1234567890L, 6));
        assertEquals("279037", Totp.code(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(2000000000L))));
    }

    @Test
    public void stepsAreThirtySecondsLong() {
        assertEquals(1L, Totp.stepAt(Instant.ofEpochSecond(59)));
        assertEquals(2L, Totp.stepAt(Instant.ofEpochSecond(60)));
        assertEquals(37037036L, Totp.stepAt(Instant.ofEpochSecond(1111111109L)));
    }

    @Test
    public void base32DecodesTheRfc4648VectorsAndTheRfcSeed() {
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MZXW6YTBOI======"));
        assertArrayEquals("fooba".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("mzxw6ytb"));
        assertArrayEquals(RFC_SEED, Totp.base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void base32RefusesCharactersOutsideItsAlphabet() {
        Totp.base32Decode("MZXW6YT1");
    }

    private static String codeAt(long unixSeconds, int digits) {
        return Totp.code(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(unixSeconds)), digits);
    }
}
