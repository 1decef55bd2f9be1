package org.bastion.crm.api.security;

import java.util.Set;

/**
 * What an administrator gives to create a user; the service validates every field and reports all problems at once.
 *
 * @param username login name: 3 to 64 characters of letters, digits, '.', '_', '-' and '@'; stored lower case
 * @param displayName the name shown to people, 1 to 200 characters
 * @param email an e-mail address, up to 254 characters
 * @param password the initial password, judged by the password policy (NIST SP 800-63B)
 * @param roles the roles to grant; empty means {@link SecurityRoles#DEFAULT_ROLE}
 */
public record UserDraft(String username, String displayName, String email, String password, Set<String> roles) {

    public UserDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "UserDraft[username=" + username + ", roles=" + roles + "]";
    }
}
