package org.bastion.crm.crypto.internal.db;

import java.util.Base64;

/** Binary values (wrapped keys, ciphertexts) as URL-safe base64 text without padding. */
public final class Base64Text {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Text() {
    }

    /** The text form of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The bytes of {@code text}.
     *
     * @throws IllegalArgumentException when it is not URL-safe base64
     */
    public static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
