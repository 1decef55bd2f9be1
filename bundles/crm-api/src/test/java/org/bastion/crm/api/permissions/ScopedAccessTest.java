package org.bastion.crm.api.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.junit.jupiter.api.Test;

class ScopedAccessTest {

    private static final Caller ANN = new Caller("u-ann", "Ann", Set.of("sales"), true);
    private static final RecordAccess TEAM = new RecordAccess(RecordScope.TEAM, Set.of("u-ann", "u-bob"));

    private final Permissions teamReadOnly = new Permissions() {
        @Override
        public boolean isPermitted(Caller caller, String permission) {
            return false;
        }

        @Override
        public void check(Caller caller, String permission) {
            throw new AccessDeniedException(permission);
        }

        @Override
        public boolean coversRole(Caller caller, String role) {
            return false;
        }

        @Override
        public RecordAccess access(Caller caller, String domain, String action) {
            return "read".equals(action) ? TEAM : RecordAccess.NONE;
        }
    };

    @Test
    void noScopeForAnActionIsRefusedNamingThePermission() {
        ScopedAccess access = new ScopedAccess(teamReadOnly, ANN, "deals");
        assertThatThrownBy(() -> access.require("write")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("deals:write");
        assertThat(access.require("read")).isEqualTo(TEAM);
    }

    @Test
    void aRestrictedReadLimitsQueriesToItsOwnersAndAnUnrestrictedOneDoesNot() {
        assertThat(ScopedAccess.ownerFilter(TEAM)).containsExactlyInAnyOrder("u-ann", "u-bob");
        assertThat(ScopedAccess.ownerFilter(RecordAccess.ALL)).isNull();
    }

    @Test
    void aSingleRecordIsCheckedAgainstItsOwner() {
        ScopedAccess access = new ScopedAccess(teamReadOnly, ANN, "deals");
        access.requireWithin(TEAM, "read", "u-bob");
        assertThatThrownBy(() -> access.requireWithin(TEAM, "read", "u-eve"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("deals:read for this record");
        assertThatThrownBy(() -> access.requireMayGiveTo(TEAM, "write", "u-eve"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not give records");
    }

    @Test
    void withoutAPermissionsServiceOnlyAdministratorsPass() {
        ScopedAccess access = new ScopedAccess(null, ANN, "deals");
        assertThatThrownBy(() -> access.require("read")).isInstanceOf(AccessDeniedException.class);
    }
}
