package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code DELETE /auth/totp}.
 *
 * @param password the user's password
 * @param code a current TOTP code or an unused recovery code
 */
public record TotpRemovalRequest(String password, String code) {

    @Override
    public String toString() {
        return "TotpRemovalRequest[***]";
    }
}
