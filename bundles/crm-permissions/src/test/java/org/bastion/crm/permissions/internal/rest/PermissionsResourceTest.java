package org.bastion.crm.permissions.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.json;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.RoleService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class PermissionsResourceTest {

    private final RoleService roles = mock(RoleService.class);
    private final PermissionsResource resource = new PermissionsResource(roles);

    @Test
    void listsTheCatalogueSortedByPermissionUnderItems() throws Exception {
        when(roles.catalogue()).thenReturn(List.of(
                new PermissionDefinition("roles:read", "See roles", false),
                new PermissionDefinition("contacts:read", "Read contacts", true)));

        JsonNode body = json(resource.list());

        assertThat(body.fieldNames()).toIterable().containsExactly("items");
        assertThat(body.get("items")).hasSize(2);
        JsonNode first = body.get("items").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("permission", "description", "scoped");
        assertThat(first.get("permission").asText()).isEqualTo("contacts:read");
        assertThat(first.get("description").asText()).isEqualTo("Read contacts");
        assertThat(first.get("scoped").asBoolean()).isTrue();
        assertThat(body.get("items").get(1).get("permission").asText()).isEqualTo("roles:read");
        assertThat(body.get("items").get(1).get("scoped").asBoolean()).isFalse();
    }

    @Test
    void anEmptyCatalogueIsAnEmptyList() throws Exception {
        when(roles.catalogue()).thenReturn(List.of());
        assertThat(json(resource.list()).get("items").isArray()).isTrue();
        assertThat(json(resource.list()).get("items")).isEmpty();
    }

    @Test
    void aRefusalPassesThroughForTheProblemMapping() {
        AccessDeniedException denied = new AccessDeniedException("roles:read required");
        when(roles.catalogue()).thenThrow(denied);
        assertThatThrownBy(resource::list).isSameAs(denied);
    }
}
