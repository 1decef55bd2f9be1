package org.bastion.crm.api.security;

/**
 * A TOTP authenticator being set up: what the user scans or types into an authenticator app. It takes effect only
 * once confirmed with a code from the app ({@link AccountService#confirmTotp}).
 *
 * @param secret the shared secret in Base32 (RFC 4648, no padding), for typing in by hand
 * @param otpauthUri the {@code otpauth://totp/...} URI authenticator apps read (SHA1, 6 digits, 30 s)
 * @param qrCodePng a PNG image of a QR code holding {@link #otpauthUri}
 */
public record TotpEnrolment(String secret, String otpauthUri, byte[] qrCodePng) {

    @Override
    public String toString() {
        return "TotpEnrolment[secret=***]";
    }
}
