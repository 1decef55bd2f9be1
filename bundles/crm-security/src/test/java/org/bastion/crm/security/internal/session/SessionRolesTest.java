package org.bastion.crm.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

/** Open sessions follow role changes and status changes on their next request, without logging in again. */
class SessionRolesTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    private Caller callerOf(String token) {
        return f.authenticator.authenticate(token, client).orElseThrow().caller();
    }

    @Test
    void anOpenSessionCarriesTheNewRolesOnItsNextRequest() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        assertThat(callerOf(token).roles()).containsExactly(SecurityRoles.SALES);
        f.actAsAdmin();

        f.userService.setRoles(alice.id(), Set.of(SecurityRoles.SUPPORT, SecurityRoles.AUDITOR));

        assertThat(callerOf(token).roles()).containsExactlyInAnyOrder(SecurityRoles.SUPPORT, SecurityRoles.AUDITOR);
        assertThat(callerOf(token).id()).isEqualTo(alice.id());
    }

    @Test
    void aRevokedAdminRoleLeavesTheAdministratorsOpenSessionAtOnce() {
        User root = f.createUser("root", SecurityRoles.ADMIN, SecurityRoles.SALES);
        f.createUser("other", SecurityRoles.ADMIN);
        byte[] secret = f.enableTotp(root).secret();
        String token = f.loginWithTotp("root", secret, client).token();
        assertThat(callerOf(token).roles()).contains(SecurityRoles.ADMIN);
        f.actAsAdmin();

        f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES));

        assertThat(callerOf(token).roles()).containsExactly(SecurityRoles.SALES);
    }

    @Test
    void anEnrolmentOnlySessionGetsNoRolesWhateverTheUserHolds() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        f.createUser("other", SecurityRoles.ADMIN);
        String token = f.authenticator.login("root", SecurityFixture.PASSWORD, client).token();
        f.actAsAdmin();

        f.userService.setRoles(root.id(), Set.of(SecurityRoles.SALES, SecurityRoles.DPO));

        assertThat(f.authenticator.authenticate(token, client).orElseThrow().totpEnrolmentOnly()).isTrue();
        assertThat(callerOf(token).roles()).isEmpty();
    }

    @Test
    void aDisabledUsersCachedSessionResolvesToNothing() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        callerOf(token);
        f.database.write(c -> {
            try (var update = c.prepareStatement("UPDATE crm_user SET status = 'DISABLED' WHERE id = ?")) {
                update.setString(1, alice.id());
                return update.executeUpdate();
            }
        });
        f.directory.refresh(alice.id());

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
    }

    @Test
    void disablingAUserEndsItsSessionsAndTakesItsRoles() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        f.actAsAdmin();

        f.userService.disable(alice.id());

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
        assertThat(f.directory.currentRoles(alice.id())).contains(Set.of());
    }
}
