package org.bastion.crm.permissions.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.json;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.uri;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.RoleService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RolesResourceTest {

    private static final String BASE = "https://h:8443/api/v1/roles";

    private final RoleService roles = mock(RoleService.class);
    private final RolesResource resource = new RolesResource(roles);

    private static Role closers() {
        return new Role("closers", "Close deals", Set.of("contacts:read:team", "gdpr:export"), false,
                Set.of("gdpr:export"));
    }

    @Test
    void listAnswersEveryRoleUnderItemsInTheServicesOrder() throws Exception {
        when(roles.list()).thenReturn(List.of(new Role("admin", "Everything", Set.of("*"), true, Set.of()),
                closers()));

        JsonNode body = json(resource.list());

        assertThat(body.get("items")).extracting(role -> role.get("name").asText()).containsExactly("admin", "closers");
        assertThat(body.get("items").get(0).get("builtIn").asBoolean()).isTrue();
    }

    @Test
    void aRoleIsWrittenWithEveryMemberAndSortedLists() throws Exception {
        when(roles.find("closers")).thenReturn(Optional.of(closers()));

        JsonNode role = json(resource.get("closers"));

        assertThat(role.fieldNames()).toIterable()
                .containsExactly("name", "description", "permissions", "builtIn", "undefined");
        assertThat(role.get("name").asText()).isEqualTo("closers");
        assertThat(role.get("description").asText()).isEqualTo("Close deals");
        assertThat(role.get("permissions")).extracting(JsonNode::asText)
                .containsExactly("contacts:read:team", "gdpr:export");
        assertThat(role.get("builtIn").asBoolean()).isFalse();
        assertThat(role.get("undefined")).extracting(JsonNode::asText).containsExactly("gdpr:export");
    }

    @Test
    void anUnknownRoleIs404AndAStrangeNameIsNotRepeated() {
        when(roles.find(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> resource.get("nobody")).isInstanceOf(NotFoundException.class)
                .hasMessage("role nobody not found");
        assertThatThrownBy(() -> resource.get("a\u001b[2Jb")).isInstanceOf(NotFoundException.class)
                .hasMessage("role (invalid name) not found");
    }

    @Test
    void createAnswers201WithLocationAndTheRole() throws Exception {
        when(roles.create(any())).thenReturn(closers());

        Response response = resource.create(new NewRoleRequest("closers", "Close deals",
                List.of("contacts:read:team", "gdpr:export", "gdpr:export")), uri(BASE));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/closers");
        assertThat(json(response.getEntity()).get("name").asText()).isEqualTo("closers");
        verify(roles).create(new RoleDraft("closers", "Close deals", Set.of("contacts:read:team", "gdpr:export")));
    }

    @Test
    void createLeavesMissingNameAndPermissionsToTheService() {
        ValidationException invalid = ValidationException.of("name", "is required");
        when(roles.create(new RoleDraft(null, null, null))).thenThrow(invalid);

        assertThatThrownBy(() -> resource.create(new NewRoleRequest(null, null, null), uri(BASE))).isSameAs(invalid);
    }

    @Test
    void createWithoutABodyIs400AndCallsNothing() {
        assertThatThrownBy(() -> resource.create(null, uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("body", "is required")));
        verifyNoInteractions(roles);
    }

    @Test
    void nullPermissionsAreFieldErrorsAndCallNothing() {
        assertThatThrownBy(() -> resource.create(new NewRoleRequest("x", null, Arrays.asList("a:b", null)), uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("permissions[1]", "must not be null")));
        assertThatThrownBy(() -> resource.update("x", new RoleUpdateRequest(null, Collections.singletonList(null))))
                .isInstanceOf(ValidationException.class);
        verifyNoInteractions(roles);
    }

    @Test
    void moreThanAThousandPermissionsAreRefusedBeforeTheService() {
        List<String> many = new ArrayList<>(Collections.nCopies(1001, "contacts:read"));

        assertThatThrownBy(() -> resource.create(new NewRoleRequest("x", null, many), uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("permissions", "must name at most 1000 permissions")));
        assertThatThrownBy(() -> resource.update("x", new RoleUpdateRequest(null, many)))
                .isInstanceOf(ValidationException.class);
        verifyNoInteractions(roles);

        when(roles.create(any())).thenReturn(closers());
        resource.create(new NewRoleRequest("x", null, many.subList(0, 1000)), uri(BASE));
        verify(roles).create(any());
    }

    @Test
    void createPassesAConflictThrough() {
        ConflictException taken = new ConflictException("role closers exists");
        when(roles.create(any())).thenThrow(taken);
        assertThatThrownBy(() -> resource.create(new NewRoleRequest("closers", null, List.of()), uri(BASE)))
                .isSameAs(taken);
    }

    @Test
    void updateReplacesDescriptionAndPermissionsOfTheNamedRole() throws Exception {
        when(roles.update(eq("closers"), any())).thenReturn(closers());

        JsonNode role = json(resource.update("closers", new RoleUpdateRequest("New", List.of("contacts:read"))));

        assertThat(role.get("name").asText()).isEqualTo("closers");
        verify(roles).update("closers", new RoleDraft("closers", "New", Set.of("contacts:read")));
    }

    @Test
    void updateWithoutABodyIs400() {
        assertThatThrownBy(() -> resource.update("closers", null)).isInstanceOf(ValidationException.class);
        verifyNoInteractions(roles);
    }

    @Test
    void updateOfABuiltInRolePassesTheConflictThrough() {
        ConflictException builtIn = new ConflictException("built-in role admin cannot change");
        when(roles.update(eq("admin"), any())).thenThrow(builtIn);
        assertThatThrownBy(() -> resource.update("admin", new RoleUpdateRequest(null, List.of()))).isSameAs(builtIn);
    }

    @Test
    void deleteAnswers204() {
        Response response = resource.delete("closers");

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getEntity()).isNull();
        verify(roles).delete("closers");
    }

    @Test
    void deleteOfAHeldRoleOrWithoutRightPassesTheRefusalThrough() {
        ConflictException held = new ConflictException("role closers is held by 2 users");
        doThrow(held).when(roles).delete("closers");
        AccessDeniedException denied = new AccessDeniedException("roles:manage required");
        doThrow(denied).when(roles).delete("other");

        assertThatThrownBy(() -> resource.delete("closers")).isSameAs(held);
        assertThatThrownBy(() -> resource.delete("other")).isSameAs(denied);
    }
}
