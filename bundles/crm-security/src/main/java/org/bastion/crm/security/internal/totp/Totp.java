package org.bastion.crm.security.internal.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords with HMAC-SHA1, 6 digits and 30-second steps, as authenticator apps show them. */
public final class Totp {

    /** Length of a time step in seconds. */
    public static final int PERIOD_SECONDS = 30;
    /** Number of digits in a code. */
    public static final int DIGITS = 6;
    /** Steps of clock drift accepted either way. */
    public static final int ALLOWED_DRIFT_STEPS = 1;

    private static final String HMAC = "HmacSHA1";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step (RFC 6238 counter T) an instant falls in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit code for a time step. */
    public static String codeAt(byte[] secret, long step) {
        return codeAt(secret, step, DIGITS);
    }

    /** The code with the given number of digits (1 to 8) for a time step; RFC 4226 dynamic truncation. */
    public static String codeAt(byte[] secret, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be between 1 and 8");
        }
        byte[] hash = hmac(secret, step);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int otp = binary % POWERS_OF_TEN[digits];
        StringBuilder code = new StringBuilder(Integer.toString(otp));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    /**
     * The step whose code matches, looking one step either side of {@code now}, refusing steps at or before
     * {@code lastUsedStep} so that a code accepted once is refused afterwards; empty for a malformed or wrong code.
     * Pass {@link Long#MIN_VALUE} as {@code lastUsedStep} when no code has been used yet.
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("TOTP secret is missing");
        }
        if (!isWellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        boolean found = false;
        // every candidate is computed and compared, so the time taken does not depend on which one matched
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            byte[] expected = codeAt(secret, step).getBytes(StandardCharsets.US_ASCII);
            boolean equal = MessageDigest.isEqual(expected, given);
            if (equal && step > lastUsedStep && !found) {
                matched = step;
                found = true;
            }
        }
        return found ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    private static boolean isWellFormed(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
