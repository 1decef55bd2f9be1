package org.bastion.crm.permissions.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.security.UserDirectory;

/** An in-memory user directory: users with their current roles, disabled ones holding none. */
public final class FakeUserDirectory implements UserDirectory {

    private record Entry(String username, Set<String> roles, boolean enabled) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();

    /** Adds or replaces an enabled user. */
    public void put(String id, String username, String... roles) {
        users.put(id, new Entry(username, Set.of(roles), true));
    }

    /** Gives a user other roles. */
    public void setRoles(String id, String... roles) {
        Entry entry = users.get(id);
        users.put(id, new Entry(entry.username(), Set.of(roles), entry.enabled()));
    }

    /** Disables a user (who keeps his roles but is judged by none). */
    public void disable(String id) {
        Entry entry = users.get(id);
        users.put(id, new Entry(entry.username(), entry.roles(), false));
    }

    @Override
    public Optional<Set<String>> currentRoles(String userId) {
        Entry entry = users.get(userId);
        return entry == null ? Optional.empty() : Optional.of(entry.enabled() ? entry.roles() : Set.of());
    }

    @Override
    public Optional<String> idOf(String username) {
        return users.entrySet().stream().filter(e -> e.getValue().username().equalsIgnoreCase(username))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public Optional<String> usernameOf(String userId) {
        return Optional.ofNullable(users.get(userId)).map(Entry::username);
    }

    @Override
    public long holders(String role) {
        return users.values().stream().filter(e -> e.roles().contains(role)).count();
    }
}
