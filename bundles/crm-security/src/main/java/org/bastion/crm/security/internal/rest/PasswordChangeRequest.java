package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /auth/password}.
 *
 * @param currentPassword the password the user has now
 * @param newPassword the password the user wants
 */
public record PasswordChangeRequest(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
