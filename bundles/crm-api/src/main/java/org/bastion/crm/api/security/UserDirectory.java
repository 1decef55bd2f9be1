package org.bastion.crm.api.security;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Identifiers and current roles of CRM users, without any caller check and without personal data: what permission
 * checks and team administration need. Answers come from memory, kept current by every change.
 */
@ProviderType
public interface UserDirectory {

    /**
     * The roles the user holds now: present for every CRM user, empty for a disabled one; empty Optional when the id
     * is not a CRM user's.
     */
    Optional<Set<String>> currentRoles(String userId);

    /** The id of the user with this username (case-insensitive), if there is one. */
    Optional<String> idOf(String username);

    /** The username of the user with this id, if there is one. */
    Optional<String> usernameOf(String userId);

    /** How many users hold the role (disabled ones included). */
    long holders(String role);
}
