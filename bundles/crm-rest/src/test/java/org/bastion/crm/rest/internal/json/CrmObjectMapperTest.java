package org.bastion.crm.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.Test;

class CrmObjectMapperTest {

    /** A request body with one text member. */
    record Code(String code) {
    }

    @Test
    void textIsReadAsText() throws Exception {
        assertThat(CrmObjectMapper.SHARED.readValue("{\"code\":\"123456\"}", Code.class).code()).isEqualTo("123456");
    }

    @Test
    void aNumberOrBooleanWhereTextIsExpectedIsRefused() {
        for (String body : new String[] {"{\"code\":123456}", "{\"code\":1.5}", "{\"code\":true}"}) {
            assertThatThrownBy(() -> CrmObjectMapper.SHARED.readValue(body, Code.class))
                    .as(body).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void aDuplicateMemberIsRefused() {
        assertThatThrownBy(() -> CrmObjectMapper.SHARED.readValue("{\"code\":\"1\",\"code\":\"2\"}", Code.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate");
    }
}
