package org.bastion.crm.api.permissions;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team of users: whoever holds a {@code team}-scoped permission reaches the records its team mates own.
 *
 * @param name the team's name, its identifier (lower case letters, digits and '-')
 * @param description what the team is, or null
 * @param members the user ids of its members, sorted
 */
public record Team(String name, String description, Set<String> members) {

    public Team {
        members = Collections.unmodifiableSortedSet(new TreeSet<>(members == null ? Set.of() : members));
    }
}
