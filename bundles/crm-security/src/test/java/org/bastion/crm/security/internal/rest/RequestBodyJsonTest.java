package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.security.internal.rest.RestTestSupport.MAPPER;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The request bodies as the application's JSON provider reads them (its errors become 400 problems in crm-rest). */
class RequestBodyJsonTest {

    @Test
    void bodiesReadTheirFields() throws Exception {
        assertThat(MAPPER.readValue("{\"username\":\"ann\",\"password\":\"pw\"}", LoginRequest.class))
                .isEqualTo(new LoginRequest("ann", "pw"));
        assertThat(MAPPER.readValue("{\"username\":\"bob\",\"displayName\":\"Bob\",\"email\":\"b@x.org\","
                + "\"password\":\"pw\",\"roles\":[\"sales\"]}", NewUserRequest.class).roles()).containsExactly("sales");
        assertThat(MAPPER.readValue("{\"username\":\"ann\"}", LoginRequest.class).password()).isNull();
        assertThat(MAPPER.readValue("{\"roles\":[\"sales\",\"dpo\"]}", RolesRequest.class).roles())
                .containsExactly("sales", "dpo");
    }

    @Test
    void unknownPropertiesAreRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"username\":\"ann\",\"password\":\"pw\",\"admin\":true}",
                LoginRequest.class)).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"code\":\"1\",\"extra\":1}", TotpCodeRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void structuredValuesWhereTextIsExpectedAreRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"username\":[\"ann\"],\"password\":\"pw\"}", LoginRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"username\":\"ann\",\"password\":{\"a\":1}}", LoginRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"password\":\"p\",\"roles\":\"admin\"}", NewUserRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("[]", LoginRequest.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"roles\":\"admin\"}", RolesRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aScalarWhereTextIsExpectedIsReadAsItsTextByJacksonsDefaultCoercion() throws Exception {
        // documented behaviour of the shared mapper (crm-rest's CrmObjectMapper), not a choice of this bundle:
        // 123456 for a code reads as "123456"; the services judge the text as for any other value
        assertThat(MAPPER.readValue("{\"code\":123456}", TotpCodeRequest.class).code()).isEqualTo("123456");
    }
}
