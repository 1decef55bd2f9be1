package org.bastion.crm.permissions.internal.rest;

import java.util.List;
import java.util.function.Function;

import org.bastion.crm.api.permissions.Team;

/**
 * A team on the wire.
 *
 * @param name the team's name
 * @param description what the team is; absent when it has none
 * @param members the members, by user id
 */
public record TeamBody(String name, String description, List<MemberBody> members) {

    /** The team, each member's username looked up with {@code usernames} (null when unknown). */
    static TeamBody of(Team team, Function<String, String> usernames) {
        return new TeamBody(team.name(), team.description(),
                team.members().stream().map(id -> new MemberBody(id, usernames.apply(id))).toList());
    }
}
