package org.bastion.crm.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.testing.GrantedPermissions;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class SetRolesTest {

    private final SecurityFixture f = new SecurityFixture();

    private static Role role(String name, boolean builtIn) {
        return new Role(name, name, Set.of(), builtIn, Set.of());
    }

    private long storedRoles(String userId) {
        return f.count("SELECT COUNT(*) FROM crm_user_role WHERE user_id = ?", userId);
    }

    @Test
    void replacesTheRolesInTheDatabaseAndTheDirectory() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        User changed = f.userService.setRoles(alice.id(), Set.of(SecurityRoles.SUPPORT, SecurityRoles.DPO));

        assertThat(changed.roles()).containsExactlyInAnyOrder(SecurityRoles.SUPPORT, SecurityRoles.DPO);
        assertThat(f.userService.get(alice.id()).roles())
                .containsExactlyInAnyOrder(SecurityRoles.SUPPORT, SecurityRoles.DPO);
        assertThat(storedRoles(alice.id())).isEqualTo(2);
        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SUPPORT, SecurityRoles.DPO));
    }

    @Test
    void publishesTheNewRolesWhatWasGrantedAndRevokedAndWhoDidIt() {
        User alice = f.createUser("alice", SecurityRoles.SALES, SecurityRoles.SUPPORT);
        f.actAsAdmin();

        f.userService.setRoles(alice.id(), Set.of(SecurityRoles.SUPPORT, SecurityRoles.AUDITOR, SecurityRoles.DPO));

        Event event = f.events.last(PermissionEvents.USER_ROLES_CHANGED);
        assertThat(event.getProperty(PermissionEvents.USER_ID)).isEqualTo(alice.id());
        assertThat((String[]) event.getProperty(PermissionEvents.ROLES))
                .containsExactly(SecurityRoles.AUDITOR, SecurityRoles.DPO, SecurityRoles.SUPPORT);
        assertThat((String[]) event.getProperty(PermissionEvents.GRANTED))
                .containsExactly(SecurityRoles.AUDITOR, SecurityRoles.DPO);
        assertThat((String[]) event.getProperty(PermissionEvents.REVOKED)).containsExactly(SecurityRoles.SALES);
        assertThat(event.getProperty(PermissionEvents.ACTOR)).isEqualTo("test-admin");
        assertThat(event.getProperty(PermissionEvents.TIMESTAMP)).isInstanceOf(Long.class);
    }

    @Test
    void theSameRolesAgainChangeNothingAndPublishNothing() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        f.userService.setRoles(alice.id(), Set.of(SecurityRoles.SALES));

        assertThat(f.events.of(PermissionEvents.USER_ROLES_CHANGED)).isEmpty();
    }

    @Test
    void unknownRolesAreRefusedEachByNameWithNothingChanged() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of("wizard", SecurityRoles.SUPPORT, "gnome")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).containsExactly("unknown role gnome", "unknown role wizard"));
        assertThat(f.userService.get(alice.id()).roles()).containsExactly(SecurityRoles.SALES);
        assertThat(f.events.of(PermissionEvents.USER_ROLES_CHANGED)).isEmpty();
    }

    @Test
    void atLeastOneRoleIsNeeded() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), null)).isInstanceOf(ValidationException.class);
        assertThat(storedRoles(alice.id())).isEqualTo(1);
    }

    @Test
    void atMostTwentyRolesAreAllowed() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        RoleService roles = mock(RoleService.class);
        List<Role> many = IntStream.range(0, 25).mapToObj(i -> role("r" + i, false)).toList();
        when(roles.list()).thenReturn(many);
        f.assignableRoles.roleService = roles;
        f.actAsAdmin();
        Set<String> twenty = IntStream.range(0, 20).mapToObj(i -> "r" + i).collect(Collectors.toSet());
        Set<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "r" + i).collect(Collectors.toSet());

        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), twentyOne))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).containsExactly("must name at most 20 roles"));
        assertThat(f.userService.setRoles(alice.id(), twenty).roles()).hasSize(20);
    }

    @Test
    void anUnknownUserIsNotFound() {
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.setRoles("no-such-user", Set.of(SecurityRoles.SALES)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theLastActiveAdministratorKeepsTheAdminRole() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        User other = f.createUser("other", SecurityRoles.ADMIN);
        f.actAsAdmin();
        f.userService.disable(other.id());

        assertThatThrownBy(() -> f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active administrator");
        assertThat(f.directory.currentRoles(root.id())).contains(Set.of(SecurityRoles.ADMIN));

        f.userService.enable(other.id());
        assertThat(f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES)).roles())
                .containsExactly(SecurityRoles.SALES);
    }

    @Test
    void aDisabledAdministratorMayLoseTheAdminRoleWhileAnotherIsActive() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        User old = f.createUser("old", SecurityRoles.ADMIN);
        f.actAsAdmin();
        f.userService.disable(old.id());

        assertThat(f.userService.setRoles(old.id(), Set.of(SecurityRoles.AUDITOR)).roles())
                .containsExactly(SecurityRoles.AUDITOR);
        assertThat(f.directory.currentRoles(root.id())).contains(Set.of(SecurityRoles.ADMIN));
    }

    @Test
    void nobodyTakesTheirOwnAdminRole() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        f.createUser("other", SecurityRoles.ADMIN);
        f.actAs(root);

        assertThatThrownBy(() -> f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("your own admin role");
        assertThat(f.userService.setRoles(root.id(), Set.of(SecurityRoles.ADMIN, SecurityRoles.DPO)).roles())
                .containsExactlyInAnyOrder(SecurityRoles.ADMIN, SecurityRoles.DPO);
    }

    @Test
    void withoutUsersManageTheRolesStay() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAs(alice);

        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of(SecurityRoles.ADMIN)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(StandardPermissions.USERS_MANAGE);
        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SALES));
    }

    @Test
    void theRoleServiceDecidesWhichRolesExist() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        RoleService roles = mock(RoleService.class);
        when(roles.list()).thenReturn(List.of(role(SecurityRoles.SALES, true), role("key-officer", false)));
        f.assignableRoles.roleService = roles;
        f.actAsAdmin();

        assertThat(f.userService.setRoles(alice.id(), Set.of("key-officer")).roles()).containsExactly("key-officer");
        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of(SecurityRoles.DPO)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown role dpo");
    }

    @Test
    void aCallerWhoMayNotReadRolesAssignsBuiltInRolesOnly() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        RoleService roles = mock(RoleService.class);
        when(roles.list()).thenThrow(new AccessDeniedException("this needs the permission roles:read"));
        f.assignableRoles.roleService = roles;
        f.actAsAdmin();

        assertThat(f.userService.setRoles(alice.id(), Set.of(SecurityRoles.DPO)).roles())
                .containsExactly(SecurityRoles.DPO);
        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of("key-officer")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aRoleThatNowRequiresTwoFactorLoginEndsTheSessionsOfAUserWithoutIt() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, SecurityFixture.client("192.0.2.1"))
                .token();
        f.actAsAdmin();

        f.userService.setRoles(alice.id(), Set.of(SecurityRoles.ADMIN));

        assertThat(f.authenticator.authenticate(token, SecurityFixture.client("192.0.2.1"))).isEmpty();
    }

    @Test
    void thePermissionsServiceDecidesWhoManagesUsers() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        User helpdesk = f.createUser("helpdesk", SecurityRoles.SUPPORT);
        f.usePermissions(new GrantedPermissions(Map.of(
                SecurityRoles.SUPPORT, Set.of(StandardPermissions.USERS_MANAGE, "contacts:read:all", "audit:read"),
                SecurityRoles.SALES, Set.of("contacts:read:all"),
                SecurityRoles.AUDITOR, Set.of("audit:read"))));

        f.actAs(helpdesk);
        assertThat(f.userService.setRoles(alice.id(), Set.of(SecurityRoles.AUDITOR)).roles())
                .containsExactly(SecurityRoles.AUDITOR);
        f.actAsAdmin();
        assertThatThrownBy(() -> f.userService.get(alice.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUserManagerGivesAndTakesOnlyRolesWhosePermissionsTheyHold() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        User root = f.createUser("root", SecurityRoles.ADMIN);
        User helpdesk = f.createUser("helpdesk", SecurityRoles.SUPPORT);
        f.usePermissions(new GrantedPermissions(Map.of(
                SecurityRoles.SUPPORT, Set.of(StandardPermissions.USERS_MANAGE, "contacts:read:all"),
                SecurityRoles.SALES, Set.of("contacts:read:all"))));
        f.actAs(helpdesk);

        assertThatThrownBy(() -> f.userService.setRoles(alice.id(), Set.of(SecurityRoles.ADMIN)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("admin");
        assertThatThrownBy(() -> f.userService.setRoles(helpdesk.id(), Set.of(SecurityRoles.SUPPORT,
                SecurityRoles.ADMIN))).as("not even oneself").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES)))
                .as("nor demote an administrator").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.userService.create(new org.bastion.crm.api.security.UserDraft("mallory", "Mallory",
                "mallory@example.org", "correct horse battery staple", Set.of(SecurityRoles.ADMIN))))
                .isInstanceOf(AccessDeniedException.class);
        f.usePermissions(null);
        f.actAsAdmin();
        assertThat(f.userService.get(alice.id()).roles()).containsExactly(SecurityRoles.SALES);
        assertThat(f.userService.get(helpdesk.id()).roles()).containsExactly(SecurityRoles.SUPPORT);
        assertThat(f.userService.get(root.id()).roles()).containsExactly(SecurityRoles.ADMIN);
        assertThat(f.userService.findByUsername("mallory")).isEmpty();
    }

    @Test
    void withoutThePermissionsServiceAnAdministratorWhoLostTheRoleMayNoLongerManageUsers() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        User demoted = f.createUser("demoted", SecurityRoles.ADMIN);
        Caller staleCaller = new Caller(demoted.id(), demoted.displayName(), Set.of(SecurityRoles.ADMIN), true);
        f.actAs(root);
        f.userService.setRoles(demoted.id(), Set.of(SecurityRoles.SALES));

        f.caller = staleCaller;

        assertThatThrownBy(() -> f.userService.get(root.id())).isInstanceOf(AccessDeniedException.class);
    }
}
