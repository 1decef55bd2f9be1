package com.example.deals.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.RecordScope;

/** Permissions granted per caller and action with a record scope, team mates listed by hand; for the service's tests. */
final class ScopedPermissions implements Permissions {

    private final Map<String, Map<String, RecordScope>> grants = new HashMap<>();
    private final Map<String, Set<String>> teamMates = new HashMap<>();

    /** Grants {@code deals:<action>} at {@code scope} to the caller {@code callerId}. */
    ScopedPermissions grant(String callerId, RecordScope scope, String... actions) {
        for (String action : actions) {
            grants.computeIfAbsent(callerId, id -> new HashMap<>()).put("deals:" + action, scope);
        }
        return this;
    }

    /** Puts the callers in one team (each one's team scope covers all of them). */
    ScopedPermissions team(String... members) {
        for (String member : members) {
            teamMates.put(member, Set.of(members));
        }
        return this;
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        return grants.getOrDefault(caller.id(), Map.of()).containsKey(permission);
    }

    @Override
    public void check(Caller caller, String permission) {
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("this needs the permission " + permission);
        }
    }

    @Override
    public RecordAccess access(Caller caller, String domain, String action) {
        RecordScope scope = grants.getOrDefault(caller.id(), Map.of()).getOrDefault(domain + ":" + action, RecordScope.NONE);
        return switch (scope) {
            case OWN -> new RecordAccess(scope, Set.of(caller.id()));
            case TEAM -> new RecordAccess(scope, teamMates.getOrDefault(caller.id(), Set.of(caller.id())));
            case ALL -> RecordAccess.ALL;
            case NONE -> RecordAccess.NONE;
        };
    }

    @Override
    public boolean coversRole(Caller caller, String role) {
        return false;
    }
}
