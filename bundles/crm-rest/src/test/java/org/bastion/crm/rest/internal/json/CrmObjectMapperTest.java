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

    /** A request body with a date. */
    record Born(java.time.LocalDate birthday) {
    }

    @Test
    void aDateIsAnIsoStringNotANumberOfDays() throws Exception {
        assertThat(CrmObjectMapper.SHARED.readValue("{\"birthday\":\"1990-12-31\"}", Born.class).birthday())
                .isEqualTo(java.time.LocalDate.of(1990, 12, 31));
        for (String body : new String[] {"{\"birthday\":123}", "{\"birthday\":true}", "{\"birthday\":\"1990-02-30\"}"}) {
            assertThatThrownBy(() -> CrmObjectMapper.SHARED.readValue(body, Born.class))
                    .as(body).isInstanceOf(JsonProcessingException.class);
        }
    }
}
