package org.bastion.crm.permissions.internal.team;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

import org.bastion.crm.permissions.internal.db.PermissionsDatabase;
import org.bastion.crm.permissions.internal.db.TeamRepository;
import org.bastion.crm.permissions.internal.db.TeamRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The teams in the database and the {@link TeamTable} team-scoped checks read: loaded once, and replaced as a whole
 * after each write (serialised in this instance), so a membership change applies to the next check.
 */
@Component(service = TeamStore.class)
public final class TeamStore {

    private final PermissionsDatabase database;
    private final Clock clock;
    private volatile TeamTable table;

    @Activate
    public TeamStore(@Reference PermissionsDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** A store over {@code database} that stamps new teams with {@code clock}. */
    public TeamStore(PermissionsDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        reload();
    }

    /** The current teams. */
    public TeamTable table() {
        return table;
    }

    /** The user ids sharing a team with {@code userId}, the user included (from memory). */
    public Set<String> teamMatesOf(String userId) {
        return table.teamMatesOf(userId);
    }

    /** Stores a new, empty team (a taken name is a ConflictException). */
    public synchronized void insert(String name, String description) {
        writeAndReload(c -> TeamRepository.insert(c, new TeamRow(name, description, Set.of(), clock.instant())));
    }

    /** Sets a team's description; whether the team exists. */
    public synchronized boolean updateDescription(String name, String description) {
        boolean[] found = new boolean[1];
        writeAndReload(c -> found[0] = TeamRepository.updateDescription(c, name, description));
        return found[0];
    }

    /** Deletes a team and its memberships; whether it existed. */
    public synchronized boolean delete(String name) {
        boolean[] found = new boolean[1];
        writeAndReload(c -> found[0] = TeamRepository.delete(c, name));
        return found[0];
    }

    /** Adds a member who is not one yet. */
    public synchronized void addMember(String name, String userId) {
        writeAndReload(c -> TeamRepository.addMember(c, name, userId));
    }

    /** Removes a member; whether the user was one. */
    public synchronized boolean removeMember(String name, String userId) {
        boolean[] found = new boolean[1];
        writeAndReload(c -> found[0] = TeamRepository.removeMember(c, name, userId));
        return found[0];
    }

    /** Reads the teams again and replaces the table. */
    public synchronized void reload() {
        table = new TeamTable(database.read(TeamRepository::all));
    }

    private void writeAndReload(SqlUpdate work) {
        database.write(c -> {
            work.accept(c);
            return null;
        });
        reload();
    }

    @FunctionalInterface
    private interface SqlUpdate {
        void accept(Connection connection) throws SQLException;
    }
}
