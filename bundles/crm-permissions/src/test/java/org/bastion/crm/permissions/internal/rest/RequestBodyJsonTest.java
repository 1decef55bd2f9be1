package org.bastion.crm.permissions.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.MAPPER;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The request bodies as the application's JSON provider reads them (its errors become 400 problems in crm-rest). */
class RequestBodyJsonTest {

    @Test
    void bodiesReadTheirMembers() throws Exception {
        assertThat(MAPPER.readValue("{\"name\":\"closers\",\"description\":\"d\",\"permissions\":[\"contacts:read\"]}",
                NewRoleRequest.class)).isEqualTo(new NewRoleRequest("closers", "d", List.of("contacts:read")));
        assertThat(MAPPER.readValue("{\"permissions\":[]}", RoleUpdateRequest.class))
                .isEqualTo(new RoleUpdateRequest(null, List.of()));
        assertThat(MAPPER.readValue("{\"name\":\"north\"}", NewTeamRequest.class))
                .isEqualTo(new NewTeamRequest("north", null));
        assertThat(MAPPER.readValue("{\"description\":\"d\"}", TeamUpdateRequest.class))
                .isEqualTo(new TeamUpdateRequest("d"));
    }

    @Test
    void unknownMembersAreRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"x\",\"builtIn\":true}", NewRoleRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"x\",\"permissions\":[]}", RoleUpdateRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"x\",\"members\":[]}", NewTeamRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"x\"}", TeamUpdateRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void wrongShapesAreRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"permissions\":\"contacts:read\"}", RoleUpdateRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"permissions\":[{\"a\":1}]}", RoleUpdateRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":[\"x\"]}", NewTeamRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("[]", NewRoleRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
