package org.bastion.crm.api.permissions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Teams and their members. Reading needs {@code teams:read}, changing {@code teams:manage}
 * ({@link org.bastion.crm.api.AccessDeniedException} otherwise); unknown teams raise
 * {@link org.bastion.crm.api.NotFoundException}, unknown users and bad names a
 * {@link org.bastion.crm.api.ValidationException}. Every change publishes a {@link PermissionEvents} event and
 * applies to team-scoped checks at once.
 */
@ProviderType
public interface TeamService {

    /** Every team, by name. */
    List<Team> list();

    /** The team with this name, if there is one. */
    Optional<Team> find(String name);

    /** Creates an empty team; a taken name is a {@link org.bastion.crm.api.ConflictException}. */
    Team create(TeamDraft draft);

    /** Changes a team's description. */
    Team update(String name, TeamDraft draft);

    /** Deletes a team (its members lose nothing but the team). */
    void delete(String name);

    /** Adds a user (by id) to a team; adding a member again changes nothing. */
    Team addMember(String name, String userId);

    /** Removes a user (by id) from a team; a user who is not a member is a validation error. */
    Team removeMember(String name, String userId);

    /** The teams a user belongs to, by name (needs {@code teams:read}, or being that user). */
    List<Team> teamsOf(String userId);

    /** The user ids sharing at least one team with the user, the user included; no caller check (used by checks). */
    Set<String> teamMatesOf(String userId);
}
