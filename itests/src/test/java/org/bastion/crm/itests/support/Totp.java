package org.bastion.crm.itests.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own TOTP generator (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) and Base32 decoder (RFC 4648),
 * written apart from the product's so that a shared mistake cannot make both agree.
 */
public final class Totp {

    /** Seconds per time step. */
    public static final int PERIOD_SECONDS = 30;

    /** Digits of a code. */
    public static final int DIGITS = 6;

    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The time step {@code instant} falls in (Unix time divided by 30 s). */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit code of {@code step}. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    /** The code of {@code step} with {@code digits} digits (RFC 4226 dynamic truncation), zero-padded. */
    public static String code(byte[] key, long step, int digits) {
        byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String code = Long.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    /** Decodes Base32 text; padding, spaces and case are ignored. */
    public static byte[] base32Decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32_ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: '" + c + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[index++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return out;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
