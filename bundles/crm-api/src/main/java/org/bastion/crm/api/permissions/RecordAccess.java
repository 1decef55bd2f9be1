package org.bastion.crm.api.permissions;

import java.util.Objects;
import java.util.Set;

/**
 * What a caller may reach with one scoped action: the scope, and for OWN and TEAM the owner ids it covers (the caller,
 * and the caller's team mates). Services filter queries by {@link #owners()} and check single records with
 * {@link #permits(String)}.
 *
 * @param scope the widest scope the caller holds for the action
 * @param owners the owner ids covered when the scope is OWN or TEAM; empty for ALL and NONE
 */
public record RecordAccess(RecordScope scope, Set<String> owners) {

    /** Every record. */
    public static final RecordAccess ALL = new RecordAccess(RecordScope.ALL, Set.of());
    /** No record. */
    public static final RecordAccess NONE = new RecordAccess(RecordScope.NONE, Set.of());

    public RecordAccess {
        Objects.requireNonNull(scope, "scope");
        owners = scope == RecordScope.ALL || scope == RecordScope.NONE || owners == null ? Set.of() : Set.copyOf(owners);
    }

    /** Whether a record with this owner is within reach. */
    public boolean permits(String owner) {
        return switch (scope) {
            case ALL -> true;
            case NONE -> false;
            default -> owner != null && owners.contains(owner);
        };
    }

    /** Whether any record at all is within reach. */
    public boolean any() {
        return scope != RecordScope.NONE;
    }

    /** Whether the reach is limited to some owners (so a query must filter by {@link #owners()}). */
    public boolean restricted() {
        return scope != RecordScope.ALL;
    }
}
