package org.bastion.crm.security.internal.rest;

import java.util.List;

/**
 * The body of {@code POST /users}.
 *
 * @param username the login name, 3 to 64 characters
 * @param displayName the name shown to people
 * @param email the user's e-mail address
 * @param password the initial password
 * @param roles the roles to grant; absent or empty for the default role
 */
public record NewUserRequest(String username, String displayName, String email, String password, List<String> roles) {

    @Override
    public String toString() {
        return "NewUserRequest[username=" + username + ", roles=" + roles + "]";
    }
}
