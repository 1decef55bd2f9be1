package org.bastion.crm.permissions.internal.db;

import java.time.Instant;
import java.util.Set;

/**
 * One team as stored: {@code crm_team} with its {@code crm_team_member} rows.
 *
 * @param description what the team is, or null
 * @param members the user ids of its members
 */
public record TeamRow(String name, String description, Set<String> members, Instant createdAt) {

    public TeamRow {
        members = members == null ? Set.of() : Set.copyOf(members);
    }
}
