package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /auth/login}.
 *
 * @param username the login name
 * @param password the password
 */
public record LoginRequest(String username, String password) {

    @Override
    public String toString() {
        return "LoginRequest[password=***]";
    }
}
