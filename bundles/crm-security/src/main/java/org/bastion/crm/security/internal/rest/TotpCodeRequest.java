package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /auth/totp/confirm}.
 *
 * @param code a current code from the authenticator app being enrolled
 */
public record TotpCodeRequest(String code) {

    @Override
    public String toString() {
        return "TotpCodeRequest[code=***]";
    }
}
