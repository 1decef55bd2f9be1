package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /auth/mfa}.
 *
 * @param challenge the challenge the password step answered
 * @param code a current TOTP code or an unused recovery code
 */
public record MfaRequest(String challenge, String code) {

    @Override
    public String toString() {
        return "MfaRequest[***]";
    }
}
