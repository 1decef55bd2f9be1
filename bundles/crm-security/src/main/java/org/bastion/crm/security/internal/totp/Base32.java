package org.bastion.crm.security.internal.totp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 Base32 encoding for TOTP secrets: no padding on output, case-insensitive input that may carry padding. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Encodes bytes as upper-case Base32 without padding. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes Base32 text, ignoring case and trailing '=' padding.
     *
     * @throws IllegalArgumentException if the text holds a character outside the alphabet or has an impossible length
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Base32 text is missing");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        int end = upper.length();
        while (end > 0 && upper.charAt(end - 1) == '=') {
            end--;
        }
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("Base32 text has an impossible length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(upper.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Base32 text holds a character outside the alphabet at position " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
