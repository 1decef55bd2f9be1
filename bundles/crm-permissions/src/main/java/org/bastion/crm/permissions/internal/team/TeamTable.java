package org.bastion.crm.permissions.internal.team;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.permissions.internal.db.TeamRow;

/**
 * An immutable state of every team and membership, with each user's team mates worked out once on first use; replaced
 * as a whole on every team change (so its memo of team mates goes with it).
 */
public final class TeamTable {

    private final Map<String, Team> teams = new TreeMap<>();
    private final Map<String, Set<String>> teamsByUser = new HashMap<>();
    private final Map<String, Set<String>> mates = new ConcurrentHashMap<>();

    TeamTable(List<TeamRow> rows) {
        for (TeamRow row : rows) {
            teams.put(row.name(), new Team(row.name(), row.description(), row.members()));
            for (String member : row.members()) {
                teamsByUser.computeIfAbsent(member, user -> new HashSet<>()).add(row.name());
            }
        }
    }

    /** Every team, by name. */
    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    /** The team with this name. */
    public Optional<Team> find(String name) {
        return Optional.ofNullable(name == null ? null : teams.get(name));
    }

    /** The teams {@code userId} belongs to, by name. */
    public List<Team> teamsOf(String userId) {
        return teamsByUser.getOrDefault(userId, Set.of()).stream().sorted().map(teams::get).toList();
    }

    /** The user ids sharing a team with {@code userId}, the user included. */
    public Set<String> teamMatesOf(String userId) {
        return mates.computeIfAbsent(userId, this::computeMates);
    }

    private Set<String> computeMates(String userId) {
        Set<String> found = new HashSet<>();
        found.add(userId);
        for (String team : teamsByUser.getOrDefault(userId, Set.of())) {
            found.addAll(teams.get(team).members());
        }
        return Set.copyOf(found);
    }
}
