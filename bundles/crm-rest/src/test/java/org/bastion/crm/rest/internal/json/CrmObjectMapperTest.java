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

    /** A vendor's draft type: declares its read-only members, as a bundle the REST layer does not know would. */
    @org.bastion.crm.api.rest.ReadOnlyMembers({"id", "version"})
    record DealDraft(String title) {
    }

    /** A stored vendor record that has the read-only members itself. */
    @org.bastion.crm.api.rest.ReadOnlyMembers({"id"})
    record Deal(String id, String title) {
    }

    @Test
    void readOnlyMembersADraftDeclaresAreAcceptedAndIgnored() throws Exception {
        DealDraft draft = CrmObjectMapper.SHARED.readValue("{\"id\":\"d-1\",\"version\":3,\"title\":\"Big\"}",
                DealDraft.class);
        assertThat(draft.title()).isEqualTo("Big");
    }

    @Test
    void membersNotDeclaredReadOnlyAreStillRefused() {
        assertThatThrownBy(() -> CrmObjectMapper.SHARED.readValue("{\"createdAt\":\"x\",\"title\":\"Big\"}",
                DealDraft.class)).isInstanceOf(JsonProcessingException.class).hasMessageContaining("createdAt");
        assertThatThrownBy(() -> CrmObjectMapper.SHARED.readValue("{\"id\":\"d-1\",\"title\":\"Big\"}",
                Code.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void readOnlyMembersAreStillWritten() throws Exception {
        assertThat(CrmObjectMapper.SHARED.writeValueAsString(new Deal("d-1", "Big")))
                .isEqualTo("{\"id\":\"d-1\",\"title\":\"Big\"}");
    }
}
