package org.bastion.crm.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Set;

import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private final SecurityFixture f = new SecurityFixture();

    @Test
    void loadsEveryUserAtActivation() {
        User alice = f.createUser("alice", SecurityRoles.SALES, SecurityRoles.SUPPORT);
        User root = f.createUser("root", SecurityRoles.ADMIN);

        UserDirectoryImpl fresh = new UserDirectoryImpl(f.database);

        assertThat(fresh.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SALES, SecurityRoles.SUPPORT));
        assertThat(fresh.currentRoles(root.id())).contains(Set.of(SecurityRoles.ADMIN));
        assertThat(fresh.idOf("alice")).contains(alice.id());
        assertThat(fresh.holders(SecurityRoles.ADMIN)).isEqualTo(1);
    }

    @Test
    void knowsAUserAsSoonAsItIsCreated() {
        User alice = f.createUser("alice", SecurityRoles.SALES);

        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SALES));
        assertThat(f.directory.usernameOf(alice.id())).contains("alice");
        assertThat(f.directory.holders(SecurityRoles.SALES)).isEqualTo(1);
    }

    @Test
    void findsIdsByUsernameWhateverTheCase() {
        User alice = f.createUser("alice");

        assertThat(f.directory.idOf("ALICE")).contains(alice.id());
        assertThat(f.directory.idOf(" Alice ")).contains(alice.id());
        assertThat(f.directory.idOf("bob")).isEmpty();
        assertThat(f.directory.idOf(null)).isEmpty();
    }

    @Test
    void unknownIdsHaveNoRolesAtAll() {
        assertThat(f.directory.currentRoles("no-such-user")).isEmpty();
        assertThat(f.directory.currentRoles(null)).isEmpty();
        assertThat(f.directory.usernameOf("no-such-user")).isEmpty();
    }

    @Test
    void aDisabledUserHoldsNoRoleUntilEnabledButStillCountsAsHolder() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        f.userService.disable(alice.id());

        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of());
        assertThat(f.directory.isActive(alice.id())).isFalse();
        assertThat(f.directory.holders(SecurityRoles.SALES)).isEqualTo(1);

        f.userService.enable(alice.id());

        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SALES));
        assertThat(f.directory.isActive(root.id())).isTrue();
    }

    @Test
    void followsRoleChanges() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        f.userService.setRoles(alice.id(), Set.of(SecurityRoles.SUPPORT, SecurityRoles.AUDITOR));

        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SUPPORT, SecurityRoles.AUDITOR));
        assertThat(f.directory.holders(SecurityRoles.SALES)).isZero();
        assertThat(f.directory.holders(SecurityRoles.AUDITOR)).isEqualTo(1);
    }

    @Test
    void aUserLockedByTheThrottleKeepsItsRoles() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        for (int i = 0; i < 100 && f.guard.lockedUntil("alice") == null; i++) {
            f.guard.failure("alice", alice.id(), SecurityFixture.client("192.0.2." + i));
        }
        f.actAsAdmin();
        assertThat(f.userService.get(alice.id()).status()).isEqualTo(UserStatus.LOCKED);

        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of(SecurityRoles.SALES));
    }

    @Test
    void knowsTheFirstAdministratorTheBootstrapCreates() {
        FirstAdminBootstrap bootstrap = new FirstAdminBootstrap(f.users, f.policy, f.publisher,
                name -> FirstAdminBootstrap.ENVIRONMENT_VARIABLE.equals(name) ? SecurityFixture.PASSWORD : null,
                new SecureRandom());

        assertThat(bootstrap.createIfNoUser()).isTrue();

        String id = f.directory.idOf(FirstAdminBootstrap.USERNAME).orElseThrow();
        assertThat(f.directory.currentRoles(id)).contains(Set.of(SecurityRoles.ADMIN));
    }
}
