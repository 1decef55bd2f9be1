package org.bastion.crm.security.internal.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the {@code otpauth://totp/...} URI that authenticator apps read from a QR code. */
public final class OtpAuthUri {

    /** The issuer shown in authenticator apps. */
    public static final String ISSUER = "Bastion CRM";

    private OtpAuthUri() {
    }

    /** The enrolment URI for a user's secret, with issuer, algorithm, digits and period spelled out. */
    public static String forUser(String username, byte[] secret) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is missing");
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("TOTP secret is missing");
        }
        String issuer = encode(ISSUER);
        return "otpauth://totp/" + issuer + ":" + encode(username)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS
                + "&period=" + Totp.PERIOD_SECONDS;
    }

    /** Percent-encodes for a URI path or query value (spaces as %20, never '+'). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
