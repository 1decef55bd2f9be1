package org.bastion.crm.security.internal.rest;

import java.util.Base64;

import org.bastion.crm.api.security.TotpEnrolment;

/**
 * A TOTP authenticator to set up: the secret to type in, the {@code otpauth://} URI, and the same URI as a QR code.
 *
 * @param secret the shared secret in Base32
 * @param otpauthUri the URI authenticator apps read
 * @param qrCode a {@code data:image/png;base64,...} URI of a QR code holding {@code otpauthUri}
 */
public record TotpEnrolmentBody(String secret, String otpauthUri, String qrCode) {

    /** The prefix of the QR code's data URI. */
    static final String PNG_DATA_URI = "data:image/png;base64,";

    static TotpEnrolmentBody of(TotpEnrolment enrolment) {
        return new TotpEnrolmentBody(enrolment.secret(), enrolment.otpauthUri(),
                PNG_DATA_URI + Base64.getEncoder().encodeToString(enrolment.qrCodePng()));
    }

    @Override
    public String toString() {
        return "TotpEnrolmentBody[secret=***]";
    }
}
