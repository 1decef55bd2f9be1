package org.bastion.crm.security.internal.user;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link UserDirectory} of this node: every user's id, username, status and roles, loaded at activation (users
 * are few) and refreshed from the database after each committed change ({@link #refresh}), so that answers cost no
 * database read. A brute-force lock is not a status here: locked users keep their roles, the throttle stops logins.
 */
@Component(service = {UserDirectory.class, UserDirectoryImpl.class})
public final class UserDirectoryImpl implements UserDirectory {

    /** What the directory knows of one user. */
    private record Entry(String id, String username, UserStatus status, Set<String> roles) {

        static Entry of(UserRow row) {
            return new Entry(row.id(), row.username(), row.status(), row.roles());
        }

        boolean active() {
            return status == UserStatus.ACTIVE;
        }
    }

    private final SecurityDatabase database;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByUsername = new ConcurrentHashMap<>();

    @Activate
    public UserDirectoryImpl(@Reference SecurityDatabase database) {
        this.database = database;
        synchronized (this) {
            database.read(UserRepository::all).forEach(this::put);
        }
    }

    /**
     * Reads user {@code id} again from the database (forgetting it when it is gone); call after committing any change
     * to a user's existence, status or roles. Refreshes are serialised, so the last one reads the last commit.
     */
    public synchronized void refresh(String id) {
        Optional<UserRow> row = database.read(c -> UserRepository.findById(c, id));
        if (row.isPresent()) {
            put(row.get());
        } else {
            Entry gone = byId.remove(id);
            if (gone != null) {
                idByUsername.remove(gone.username(), id);
            }
        }
    }

    /** Reads every user again (after a restore replaced the table): users gone are forgotten. */
    public synchronized void reloadAll() {
        List<UserRow> rows = database.read(UserRepository::all);
        byId.clear();
        idByUsername.clear();
        rows.forEach(this::put);
    }

    @Override
    public Optional<Set<String>> currentRoles(String userId) {
        Entry entry = userId == null ? null : byId.get(userId);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(entry.active() ? entry.roles() : Set.of());
    }

    /** Whether {@code userId} is an active user's id. */
    public boolean isActive(String userId) {
        Entry entry = userId == null ? null : byId.get(userId);
        return entry != null && entry.active();
    }

    @Override
    public Optional<String> idOf(String username) {
        return username == null ? Optional.empty()
                : Optional.ofNullable(idByUsername.get(username.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<String> usernameOf(String userId) {
        return Optional.ofNullable(userId == null ? null : byId.get(userId)).map(Entry::username);
    }

    @Override
    public long holders(String role) {
        return byId.values().stream().filter(entry -> entry.roles().contains(role)).count();
    }

    private void put(UserRow row) {
        Entry entry = Entry.of(row);
        Entry previous = byId.put(entry.id(), entry);
        if (previous != null && !previous.username().equals(entry.username())) {
            idByUsername.remove(previous.username(), entry.id());
        }
        idByUsername.put(entry.username(), entry.id());
    }
}
