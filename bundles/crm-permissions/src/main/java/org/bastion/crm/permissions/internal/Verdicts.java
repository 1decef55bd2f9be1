package org.bastion.crm.permissions.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.bastion.crm.permissions.internal.role.RoleTable;

/**
 * Remembers, for the current role table, whether a set of roles holds a permission, so that a repeated check costs one
 * map lookup instead of matching wildcards; a new table (any role change) starts afresh, so nothing outlives a change.
 */
final class Verdicts {

    /** The most answers remembered; beyond it the least recently used is forgotten (role sets × permissions are few). */
    static final int LIMIT = 10_000;

    private record Key(Set<String> roles, String permission) {
    }

    private record Memory(RoleTable table, Map<Key, Boolean> answers) {
    }

    private volatile Memory memory = new Memory(null, leastRecentlyUsed());

    /** The remembered answer for {@code roles} and {@code permission} under {@code table}, else {@code judge}'s. */
    boolean holds(RoleTable table, Set<String> roles, String permission, Supplier<Boolean> judge) {
        Memory current = memory;
        if (current.table() != table) {
            current = new Memory(table, leastRecentlyUsed());
            memory = current;
        }
        Key key = new Key(roles, permission);
        Boolean known = current.answers().get(key);
        if (known != null) {
            return known;
        }
        boolean answer = judge.get();
        current.answers().put(key, answer);
        return answer;
    }

    /** A map that forgets its least recently used entry beyond {@link #LIMIT}; every access synchronizes on it. */
    private static Map<Key, Boolean> leastRecentlyUsed() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > LIMIT;
            }
        });
    }
}
