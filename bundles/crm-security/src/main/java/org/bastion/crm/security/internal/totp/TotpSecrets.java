package org.bastion.crm.security.internal.totp;

import java.security.SecureRandom;

/** Generates fresh 160-bit TOTP secrets, the length RFC 4226 recommends for HMAC-SHA1. */
public final class TotpSecrets {

    /** Length of a generated secret in bytes (160 bits). */
    public static final int SECRET_BYTES = 20;

    private final SecureRandom random;

    public TotpSecrets(SecureRandom random) {
        this.random = random;
    }

    public TotpSecrets() {
        this(new SecureRandom());
    }

    /** A new random secret. */
    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }
}
