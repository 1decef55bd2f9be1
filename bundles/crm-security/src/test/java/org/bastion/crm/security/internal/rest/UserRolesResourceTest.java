package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.security.internal.rest.RestTestSupport.json;

import java.util.Arrays;
import java.util.List;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET} and {@code PUT /users/{id}/roles} on the real user service: the answers, and the CRM errors crm-rest maps
 * to 400, 403, 404 and 409.
 */
class UserRolesResourceTest {

    private final SecurityFixture f = new SecurityFixture();
    private final UsersResource resource = new UsersResource(f.userService);

    @Test
    void getAnswersTheUserIdAndSortedRoles() throws Exception {
        User alice = f.createUser("alice", SecurityRoles.SUPPORT, SecurityRoles.AUDITOR);
        f.actAsAdmin();

        JsonNode body = json(resource.roles(alice.id()));

        assertThat(body).isEqualTo(RestTestSupport.MAPPER.readTree("{\"userId\":\"" + alice.id()
                + "\",\"roles\":[\"auditor\",\"support\"]}"));
    }

    @Test
    void putReplacesTheRolesAndAnswersThemInTheSameShape() throws Exception {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        JsonNode body = json(resource.setRoles(alice.id(), new RolesRequest(List.of("dpo", "auditor", "dpo"))));

        assertThat(body).isEqualTo(RestTestSupport.MAPPER.readTree("{\"userId\":\"" + alice.id()
                + "\",\"roles\":[\"auditor\",\"dpo\"]}"));
        assertThat(json(resource.get(alice.id())).get("roles"))
                .isEqualTo(RestTestSupport.MAPPER.readTree("[\"auditor\",\"dpo\"]"));
    }

    @Test
    void putWithoutRolesOrWithNullRolesIsA400BeforeTheServiceIsAsked() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        assertThatThrownBy(() -> resource.setRoles(alice.id(), new RolesRequest(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("roles", "is required")));
        assertThatThrownBy(() -> resource.setRoles(alice.id(), new RolesRequest(Arrays.asList("sales", null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("roles[1]", "must not be null")));
        assertThatThrownBy(() -> resource.setRoles(alice.id(), null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void emptyOrUnknownRolesAre400s() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAsAdmin();

        assertThatThrownBy(() -> resource.setRoles(alice.id(), new RolesRequest(List.of())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.setRoles(alice.id(), new RolesRequest(List.of("sales", "wizard"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("roles", "unknown role wizard")));
    }

    @Test
    void anUnknownUserIsA404() {
        f.actAsAdmin();

        assertThatThrownBy(() -> resource.roles("nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.setRoles("nobody", new RolesRequest(List.of("sales"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theLastAdministratorsAndOnesOwnAdminRoleAre409s() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        f.actAsAdmin();
        assertThatThrownBy(() -> resource.setRoles(root.id(), new RolesRequest(List.of("sales"))))
                .isInstanceOf(ConflictException.class);

        f.createUser("other", SecurityRoles.ADMIN);
        f.actAs(root);
        assertThatThrownBy(() -> resource.setRoles(root.id(), new RolesRequest(List.of("sales"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void withoutUsersManageBothAre403s() {
        User alice = f.createUser("alice", SecurityRoles.SALES);
        f.actAs(alice);

        assertThatThrownBy(() -> resource.roles(alice.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.setRoles(alice.id(), new RolesRequest(List.of("admin"))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
