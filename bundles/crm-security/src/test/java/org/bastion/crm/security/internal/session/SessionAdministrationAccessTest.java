package org.bastion.crm.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.testing.GrantedPermissions;
import org.junit.jupiter.api.Test;

/** Seeing and ending other users' sessions needs users:manage, as the Permissions service judges it. */
class SessionAdministrationAccessTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void aHolderOfUsersManageGrantedByThePermissionsServiceSeesAndEndsAnyonesSessions() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        User helpdesk = f.createUser("helpdesk", SecurityRoles.SUPPORT);
        f.authenticator.login("alice", SecurityFixture.PASSWORD, client);
        f.usePermissions(new GrantedPermissions(Map.of(SecurityRoles.SUPPORT,
                Set.of(StandardPermissions.USERS_MANAGE))));
        f.actAs(helpdesk);

        assertThat(f.sessionService.all()).hasSize(1);
        assertThat(f.sessionService.sessionsOf(alice.id())).hasSize(1);
        assertThat(f.sessionService.revokeAllOf(alice.id())).isEqualTo(1);
    }

    @Test
    void withThePermissionsServiceTheAdminRoleAloneIsNotEnough() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.usePermissions(new GrantedPermissions(Map.of()));
        f.actAsAdmin();

        assertThatThrownBy(() -> f.sessionService.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.sessionService.sessionsOf(alice.id())).isInstanceOf(NotFoundException.class);
    }
}
