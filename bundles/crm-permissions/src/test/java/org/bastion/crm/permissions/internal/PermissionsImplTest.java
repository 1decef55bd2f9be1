package org.bastion.crm.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.PermissionsFixture.ADMIN_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.MANAGER_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.OTHER_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.SALES_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.user;

import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.RecordScope;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.TeamDraft;
import org.junit.jupiter.api.Test;

class PermissionsImplTest {

    private final PermissionsFixture fixture = new PermissionsFixture();
    private final PermissionsImpl permissions = fixture.permissions;

    /** A user of the directory holding one custom role that grants {@code granted} (stored without validation). */
    private Caller holderOf(String... granted) {
        fixture.roleStore.insert("tester", "test role", Set.of(granted), () -> { });
        fixture.users.put("u-tester", "tess", "tester");
        return user("u-tester");
    }

    @Test
    void aGrantWithoutScopeReachesEveryRecord() {
        Caller caller = holderOf("contacts:read");

        assertThat(permissions.isPermitted(caller, "contacts:read")).isTrue();
        assertThat(permissions.isPermitted(caller, "contacts:read:own")).isTrue();
        assertThat(permissions.access(caller, "contacts", "read")).isEqualTo(RecordAccess.ALL);
        assertThat(permissions.access(caller, "contacts", "write")).isEqualTo(RecordAccess.NONE);
    }

    @Test
    void aWildcardActionWithOwnScopeCoversEveryActionOnOwnRecordsOnly() {
        Caller caller = holderOf("contacts:*:own");

        assertThat(permissions.access(caller, "contacts", "delete"))
                .isEqualTo(new RecordAccess(RecordScope.OWN, Set.of("u-tester")));
        assertThat(permissions.isPermitted(caller, "contacts:write:all")).isFalse();
        assertThat(permissions.isPermitted(caller, "contacts:export")).isFalse();
        assertThat(permissions.isPermitted(caller, "companies:read:own")).isFalse();
    }

    @Test
    void theWidestHeldScopeWins() {
        Caller caller = holderOf("contacts:read:own", "contacts:read:team", "contacts:write:own", "contacts:write:all");

        assertThat(permissions.access(caller, "contacts", "read").scope()).isEqualTo(RecordScope.TEAM);
        assertThat(permissions.access(caller, "contacts", "write")).isEqualTo(RecordAccess.ALL);
    }

    @Test
    void aScopedGrantDoesNotImplyTheUnscopedPermission() {
        Caller caller = holderOf("contacts:read:own");

        assertThat(permissions.isPermitted(caller, "contacts:read")).isFalse();
        assertThat(permissions.isPermitted(caller, "contacts:read:team")).isFalse();
    }

    @Test
    void aWiderScopeHoldsTheNarrowerOnes() {
        Caller caller = holderOf("contacts:read:team", "contacts:write:all");

        assertThat(permissions.isPermitted(caller, "contacts:read:own")).isTrue();
        assertThat(permissions.isPermitted(caller, "contacts:read:all")).isFalse();
        assertThat(permissions.isPermitted(caller, "contacts:write:own")).isTrue();
        assertThat(permissions.isPermitted(caller, "contacts:write:team")).isTrue();
        assertThat(permissions.isPermitted(caller, "contacts:delete:own")).isFalse();
    }

    @Test
    void aRoleIsCoveredOnlyByCallersHoldingEachOfItsPermissions() {
        assertThat(permissions.coversRole(user(ADMIN_ID), "dpo")).isTrue();
        assertThat(permissions.coversRole(user(ADMIN_ID), "no-such-role")).isTrue();
        assertThat(permissions.coversRole(user(MANAGER_ID), "sales")).as("team scopes cover own ones").isTrue();
        assertThat(permissions.coversRole(user(MANAGER_ID), "admin")).isFalse();
        assertThat(permissions.coversRole(user(MANAGER_ID), "dpo")).isFalse();
        assertThat(permissions.coversRole(user(MANAGER_ID), "no-such-role")).isFalse();
        assertThat(permissions.coversRole(user(SALES_ID), "sales-manager")).isFalse();
        assertThat(permissions.coversRole(Caller.ANONYMOUS, "sales")).isFalse();
    }

    @Test
    void theAdminRoleMayDoAnything() {
        Caller admin = user(ADMIN_ID);

        assertThat(permissions.isPermitted(admin, "anything:at:all")).isTrue();
        assertThat(permissions.isPermitted(admin, "vendor:frobnicate")).isTrue();
        assertThat(permissions.access(admin, "contacts", "delete")).isEqualTo(RecordAccess.ALL);
    }

    @Test
    void theSystemCallerMayDoAnythingButOnlyByIdentity() {
        assertThat(permissions.isPermitted(Caller.SYSTEM, "roles:manage")).isTrue();
        assertThat(permissions.access(Caller.SYSTEM, "contacts", "read")).isEqualTo(RecordAccess.ALL);

        Caller lookalike = new Caller(Caller.SYSTEM.id(), "System", Set.of(), true);
        assertThat(permissions.isPermitted(lookalike, "roles:manage")).isFalse();
    }

    @Test
    void unauthenticatedCallersMayDoNothingWhateverRolesTheyCarry() {
        Caller anonymousAdmin = new Caller("karaf", "karaf", Set.of("admin"), false);

        assertThat(permissions.isPermitted(Caller.ANONYMOUS, "contacts:read")).isFalse();
        assertThat(permissions.isPermitted(anonymousAdmin, "contacts:read")).isFalse();
        assertThat(permissions.isPermitted(null, "contacts:read")).isFalse();
        assertThat(permissions.access(Caller.ANONYMOUS, "contacts", "read")).isEqualTo(RecordAccess.NONE);
    }

    @Test
    void aCrmUserIsJudgedByHisCurrentRolesNotByThoseHeCarries() {
        Caller salesCarryingAdmin = user(SALES_ID, "admin");

        assertThat(permissions.isPermitted(salesCarryingAdmin, "roles:manage")).isFalse();

        fixture.users.setRoles(SALES_ID, "admin");
        assertThat(permissions.isPermitted(user(SALES_ID), "roles:manage")).isTrue();
    }

    @Test
    void aDisabledUserMayDoNothing() {
        fixture.users.disable(ADMIN_ID);

        assertThat(permissions.isPermitted(user(ADMIN_ID, "admin"), "contacts:read")).isFalse();
        assertThat(permissions.access(user(ADMIN_ID, "admin"), "contacts", "read")).isEqualTo(RecordAccess.NONE);
    }

    @Test
    void theLocalConsoleUserIsJudgedByTheRolesItCarries() {
        Caller karaf = new Caller("karaf", "karaf", Set.of("admin"), true);
        Caller viewer = new Caller("viewer", "viewer", Set.of("viewer"), true);

        assertThat(permissions.isPermitted(karaf, "roles:manage")).isTrue();
        assertThat(permissions.isPermitted(viewer, "contacts:read")).isFalse();
    }

    @Test
    void withoutTheDirectoryCallersAreJudgedByTheRolesTheyCarry() {
        permissions.directory = null;

        assertThat(permissions.isPermitted(user(SALES_ID, "support"), "contacts:read:all")).isTrue();
        assertThat(permissions.isPermitted(user(ADMIN_ID), "contacts:read")).isFalse();
    }

    @Test
    void unknownRoleNamesGrantNothing() {
        fixture.users.setRoles(SALES_ID, "no-such-role");

        assertThat(permissions.isPermitted(user(SALES_ID), "contacts:read:own")).isFalse();
    }

    @Test
    void malformedPermissionsAreNeverPermitted() {
        Caller admin = user(ADMIN_ID);

        assertThat(permissions.isPermitted(admin, "a::b")).isFalse();
        assertThat(permissions.isPermitted(admin, "Contacts:read")).isFalse();
        assertThat(permissions.isPermitted(admin, null)).isFalse();
    }

    @Test
    void checkNamesTheMissingPermission() {
        assertThatThrownBy(() -> permissions.check(user(SALES_ID), "roles:manage"))
                .isInstanceOf(AccessDeniedException.class).hasMessage("this needs the permission roles:manage");
        permissions.check(user(ADMIN_ID), "roles:manage");
    }

    @Test
    void salesStaffReadTheirTeamsContactsButWriteOnlyTheirOwn() {
        fixture.teamStore.insert("north", null, () -> { });
        fixture.teamStore.addMember("north", SALES_ID, () -> { });
        fixture.teamStore.addMember("north", OTHER_ID, () -> { });
        Caller sales = user(SALES_ID);

        assertThat(permissions.access(sales, "contacts", "read"))
                .isEqualTo(new RecordAccess(RecordScope.TEAM, Set.of(SALES_ID, OTHER_ID)));
        assertThat(permissions.access(sales, "contacts", "write"))
                .isEqualTo(new RecordAccess(RecordScope.OWN, Set.of(SALES_ID)));
        assertThat(permissions.access(sales, "companies", "read")).isEqualTo(RecordAccess.ALL);
        assertThat(permissions.isPermitted(sales, "contacts:export")).isFalse();
    }

    @Test
    void teamScopeReachesMatesOfEveryTeamAndTheCallerEvenWithoutATeam() {
        Caller manager = user(MANAGER_ID);
        assertThat(permissions.access(manager, "contacts", "read").owners()).containsExactly(MANAGER_ID);

        fixture.teamStore.insert("north", null, () -> { });
        fixture.teamStore.insert("south", null, () -> { });
        fixture.teamStore.addMember("north", MANAGER_ID, () -> { });
        fixture.teamStore.addMember("north", SALES_ID, () -> { });
        fixture.teamStore.addMember("south", MANAGER_ID, () -> { });
        fixture.teamStore.addMember("south", OTHER_ID, () -> { });

        assertThat(permissions.access(manager, "contacts", "read").owners())
                .containsExactlyInAnyOrder(MANAGER_ID, SALES_ID, OTHER_ID);
        assertThat(permissions.access(user(SALES_ID), "contacts", "read").owners())
                .containsExactlyInAnyOrder(MANAGER_ID, SALES_ID);
    }

    @Test
    void aTeamChangeAppliesToTheNextTeamScopedCheck() {
        fixture.actAsAdmin();
        fixture.teams.create(new TeamDraft("north", null));
        fixture.teams.addMember("north", MANAGER_ID);
        fixture.teams.addMember("north", SALES_ID);
        assertThat(permissions.access(user(MANAGER_ID), "contacts", "read").owners()).contains(SALES_ID);

        fixture.teams.removeMember("north", SALES_ID);
        assertThat(permissions.access(user(MANAGER_ID), "contacts", "read").owners()).containsExactly(MANAGER_ID);

        fixture.teams.addMember("north", OTHER_ID);
        fixture.teams.delete("north");
        assertThat(permissions.access(user(MANAGER_ID), "contacts", "read").owners()).containsExactly(MANAGER_ID);
    }

    @Test
    void aRoleChangeAppliesToTheNextCheck() {
        fixture.actAsAdmin();
        fixture.roles.create(new RoleDraft("viewer", null, Set.of("contacts:read:own")));
        fixture.users.put("u-viewer", "vic", "viewer");
        Caller viewer = user("u-viewer");
        assertThat(permissions.access(viewer, "contacts", "read").scope()).isEqualTo(RecordScope.OWN);

        fixture.roles.grant("viewer", Set.of("contacts:read:all"));
        assertThat(permissions.access(viewer, "contacts", "read")).isEqualTo(RecordAccess.ALL);

        fixture.roles.update("viewer", new RoleDraft(null, null, Set.of("companies:read")));
        assertThat(permissions.access(viewer, "contacts", "read")).isEqualTo(RecordAccess.NONE);
        assertThat(permissions.isPermitted(viewer, "companies:read:team")).isTrue();

        fixture.users.setRoles("u-viewer");
        fixture.roles.delete("viewer");
        assertThat(permissions.isPermitted(viewer, "companies:read:team")).isFalse();
    }

    @Test
    void aRoleStoredBeforeARestartIsInEffectAfterIt() {
        fixture.roleStore.insert("viewer", null, Set.of("contacts:read:own"), () -> { });
        fixture.users.put("u-viewer", "vic", "viewer");

        PermissionsImpl restarted = new PermissionsImpl(
                new org.bastion.crm.permissions.internal.role.RoleStore(fixture.database, fixture.clock),
                fixture.teamStore);
        restarted.directory = fixture.users;

        assertThat(restarted.access(user("u-viewer"), "contacts", "read").scope()).isEqualTo(RecordScope.OWN);
    }

    @Test
    void aStoredCustomRoleNamedLikeABuiltInRoleNeverReplacesIt() {
        fixture.roleStore.insert("support", "smuggled", Set.of("*"), () -> { });

        assertThat(permissions.isPermitted(user(SALES_ID, "support"), "roles:manage")).isFalse();
        fixture.users.setRoles(SALES_ID, "support");
        assertThat(permissions.isPermitted(user(SALES_ID), "roles:manage")).isFalse();
        assertThat(permissions.isPermitted(user(SALES_ID), "contacts:read:all")).isTrue();
    }
}
