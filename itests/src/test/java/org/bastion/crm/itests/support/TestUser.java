package org.bastion.crm.itests.support;

/**
 * A CRM user a check created for itself, with the password it was given.
 *
 * @param id the user's id
 * @param username the login name
 * @param password the current password
 */
public record TestUser(String id, String username, String password) {

    /** The same user after a password change. */
    public TestUser withPassword(String newPassword) {
        return new TestUser(id, username, newPassword);
    }

    /** The admin path of this user: {@code /users/<id>}. */
    public String path() {
        return "/users/" + id;
    }

    @Override
    public String toString() {
        return "TestUser[" + username + "]";
    }
}
