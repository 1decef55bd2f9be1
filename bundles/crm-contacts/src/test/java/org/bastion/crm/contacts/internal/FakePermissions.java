package org.bastion.crm.contacts.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.RecordScope;

/**
 * An in-memory {@link Permissions}: for each caller id, the {@link RecordAccess} held for each {@code domain:action};
 * whatever is not granted is NONE. {@link #everything()} grants all of it to every caller.
 */
public final class FakePermissions implements Permissions {

    private final Map<String, Map<String, RecordAccess>> grants = new HashMap<>();
    private boolean everything;

    /** Permissions granting every caller everything. */
    public static FakePermissions everything() {
        FakePermissions permissions = new FakePermissions();
        permissions.everything = true;
        return permissions;
    }

    /** Grants {@code callerId} the permissions with scope ALL. */
    public FakePermissions all(String callerId, String... permissions) {
        return grant(callerId, RecordAccess.ALL, permissions);
    }

    /** Grants {@code callerId} the permissions on the records it owns. */
    public FakePermissions own(String callerId, String... permissions) {
        return grant(callerId, new RecordAccess(RecordScope.OWN, Set.of(callerId)), permissions);
    }

    /** Grants {@code callerId} the permissions on the records it and its team mates own. */
    public FakePermissions team(String callerId, Set<String> mates, String... permissions) {
        java.util.Set<String> owners = new java.util.HashSet<>(mates);
        owners.add(callerId);
        return grant(callerId, new RecordAccess(RecordScope.TEAM, owners), permissions);
    }

    /** Takes every grant away from {@code callerId}. */
    public FakePermissions revokeAll(String callerId) {
        grants.remove(callerId);
        return this;
    }

    private FakePermissions grant(String callerId, RecordAccess access, String... permissions) {
        for (String permission : permissions) {
            grants.computeIfAbsent(callerId, id -> new HashMap<>()).put(permission, access);
        }
        return this;
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        return everything || grants.getOrDefault(caller.id(), Map.of()).getOrDefault(permission, RecordAccess.NONE).any();
    }

    @Override
    public void check(Caller caller, String permission) {
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("this needs the permission " + permission);
        }
    }

    @Override
    public boolean coversRole(Caller caller, String role) {
        return false;
    }

    @Override
    public RecordAccess access(Caller caller, String domain, String action) {
        if (everything) {
            return RecordAccess.ALL;
        }
        return grants.getOrDefault(caller.id(), Map.of()).getOrDefault(domain + ":" + action, RecordAccess.NONE);
    }
}
