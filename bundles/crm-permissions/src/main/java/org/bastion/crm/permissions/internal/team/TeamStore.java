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

    /*
     * Each change takes the Runnable that records its audit entry: it runs first in the change's transaction, so that
     * a refused entry (503) leaves nothing written and a failed write takes the entry with it.
     */

    /** Stores a new, empty team (a taken name is a ConflictException). */
    public synchronized void insert(String name, String description, Runnable record) {
        writeAndReload(record, c -> TeamRepository.insert(c, new TeamRow(name, description, Set.of(), clock.instant())));
    }

    /** Sets a team's description; whether the team exists. */
    public synchronized boolean updateDescription(String name, String description, Runnable record) {
        boolean[] found = new boolean[1];
        writeAndReload(record, c -> found[0] = TeamRepository.updateDescription(c, name, description));
        return found[0];
    }

    /** Deletes a team and its memberships; whether it existed. */
    public synchronized boolean delete(String name, Runnable record) {
        boolean[] found = new boolean[1];
        writeAndReload(record, c -> found[0] = TeamRepository.delete(c, name));
        return found[0];
    }

    /** Adds a member who is not one yet. */
    public synchronized void addMember(String name, String userId, Runnable record) {
        writeAndReload(record, c -> TeamRepository.addMember(c, name, userId));
    }

    /** Removes a member; whether the user was one. */
    public synchronized boolean removeMember(String name, String userId, Runnable record) {
        boolean[] found = new boolean[1];
        writeAndReload(record, c -> found[0] = TeamRepository.removeMember(c, name, userId));
        return found[0];
    }

    /** Reads the teams again and replaces the table. */
    public synchronized void reload() {
        table = new TeamTable(database.read(TeamRepository::all));
    }

    /** Runs {@code record} (the change's audit entry), then {@code work}, in one transaction, then reloads. */
    private void writeAndReload(Runnable record, SqlUpdate work) {
        database.write(c -> {
            record.run();
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
