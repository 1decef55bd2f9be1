package org.bastion.crm.api.security;

import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * User administration. Every method checks that the current caller holds {@code users:manage}
 * ({@link org.bastion.crm.api.AccessDeniedException} otherwise) and publishes a {@link SecurityEvents} event for each
 * change. Unknown ids raise {@link org.bastion.crm.api.NotFoundException}; bad input a
 * {@link org.bastion.crm.api.ValidationException} listing every problem, with nothing changed.
 */
@ProviderType
public interface UserService {

    /** Creates a user; a taken username is a {@link org.bastion.crm.api.ConflictException}. */
    User create(UserDraft draft);

    /** One page of users ordered by username. */
    Page<User> list(PageRequest request);

    /** The user with {@code id}. */
    User get(String id);

    /** The user with {@code username} (case-insensitive), if there is one. */
    Optional<User> findByUsername(String username);

    /** Disables the user and ends all the user's sessions; refuses to disable the last active administrator. */
    User disable(String id);

    /** Enables a disabled user. */
    User enable(String id);

    /** Lifts a brute-force lock on the account and forgets its failed attempts. */
    User unlock(String id);

    /** Sets a new password (judged by the policy) and ends all the user's sessions. */
    User resetPassword(String id, String newPassword);

    /**
     * Replaces the user's roles (each must exist, at least one); refuses to take the last active administrator's
     * {@code admin} role and to take callers' own {@code admin} role from themselves
     * ({@link org.bastion.crm.api.ConflictException}). Open sessions get the new roles at once, and a
     * {@code org/bastion/crm/permissions/USER_ROLES_CHANGED} event is published.
     */
    User setRoles(String id, Set<String> roles);

    /** Removes the user's TOTP authenticator and recovery codes; the user must enrol again if a role requires it. */
    User resetTotp(String id);
}
