package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /users/{id}/reset-password}.
 *
 * @param password the user's new password
 */
public record PasswordResetRequest(String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[password=***]";
    }
}
