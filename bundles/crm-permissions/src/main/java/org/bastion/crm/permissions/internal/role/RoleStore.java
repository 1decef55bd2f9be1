package org.bastion.crm.permissions.internal.role;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.bastion.crm.permissions.internal.db.PermissionsDatabase;
import org.bastion.crm.permissions.internal.db.RoleRepository;
import org.bastion.crm.permissions.internal.db.RoleRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The custom roles in the database and the {@link RoleTable} every check reads: loaded once, and replaced as a whole
 * after each write (in this instance, serialised), so a change applies to the next check without a database read per
 * check.
 */
@Component(service = RoleStore.class)
public final class RoleStore {

    private final PermissionsDatabase database;
    private final Clock clock;
    private volatile RoleTable table;

    @Activate
    public RoleStore(@Reference PermissionsDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** A store over {@code database} that stamps changes with {@code clock}. */
    public RoleStore(PermissionsDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        reload();
    }

    /** The current roles. */
    public RoleTable table() {
        return table;
    }

    /*
     * Each change takes the Runnable that records its audit entry: it runs first in the change's transaction, so that
     * a refused entry (503) leaves nothing written and a failed write takes the entry with it.
     */

    /** Stores a new custom role (a taken name is a ConflictException). */
    public synchronized void insert(String name, String description, Set<String> permissions, Runnable record) {
        Instant now = clock.instant();
        writeAndReload(record, c -> RoleRepository.insert(c, new RoleRow(name, description, permissions, now, now)));
    }

    /** Replaces a custom role's description and permissions; whether it exists. */
    public synchronized boolean replace(String name, String description, Set<String> permissions, Runnable record) {
        boolean[] found = new boolean[1];
        writeAndReload(record, c -> found[0] = RoleRepository.update(c,
                new RoleRow(name, description, permissions, null, clock.instant())));
        return found[0];
    }

    /** Deletes a custom role; whether it existed. */
    public synchronized boolean delete(String name, Runnable record) {
        boolean[] found = new boolean[1];
        writeAndReload(record, c -> found[0] = RoleRepository.delete(c, name));
        return found[0];
    }

    /** Reads the custom roles again and replaces the table. */
    public synchronized void reload() {
        table = RoleTable.of(database.read(RoleRepository::all));
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
