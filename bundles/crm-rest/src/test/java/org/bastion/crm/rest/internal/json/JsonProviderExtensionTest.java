package org.bastion.crm.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

class JsonProviderExtensionTest {

    record Sample(String name, LocalDate birthday, Instant createdAt, String notes) {
    }

    private final JsonProviderExtension provider = new JsonProviderExtension();
    private final ObjectMapper mapper = new ObjectMapperResolver().getContext(Object.class);

    @Test
    void writesDatesAsIsoStringsAndLeavesNullsOut() throws Exception {
        String json = mapper.writeValueAsString(
                new Sample("Ann", LocalDate.of(1990, 12, 31), Instant.parse("2024-01-31T12:00:00Z"), null));
        assertThat(json).isEqualTo("{\"name\":\"Ann\",\"birthday\":\"1990-12-31\",\"createdAt\":\"2024-01-31T12:00:00Z\"}");
    }

    @Test
    void readsRecords() throws Exception {
        Sample sample = mapper.readValue("{\"name\":\"Ann\",\"birthday\":\"1990-12-31\"}", Sample.class);
        assertThat(sample.birthday()).isEqualTo(LocalDate.of(1990, 12, 31));
    }

    record Flagged(String address, boolean primary) {
    }

    @Test
    void omittedBooleansAreFalse() throws Exception {
        assertThat(mapper.readValue("{\"address\":\"a@b.c\"}", Flagged.class).primary()).isFalse();
    }

    @Test
    void unknownFieldsAreRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"Ann\",\"nickname\":\"A\"}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void handlesTheApiMediaTypesForRecords() {
        for (String type : new String[] {MediaType.APPLICATION_JSON, CrmRest.PROBLEM_JSON, CrmRest.MERGE_PATCH_JSON}) {
            MediaType mediaType = MediaType.valueOf(type);
            assertThat(provider.isReadable(Sample.class, Sample.class, null, mediaType)).as(type).isTrue();
            assertThat(provider.isWriteable(Sample.class, Sample.class, null, mediaType)).as(type).isTrue();
        }
    }

    @Test
    void leavesPreSerialisedStringsToTheStringWriter() {
        // problem bodies are JSON text already: the provider must not quote them a second time
        assertThat(provider.isWriteable(String.class, String.class, null, MediaType.valueOf(CrmRest.PROBLEM_JSON)))
                .isFalse();
    }

    /** A draft declared as a capability declares its own (crm-api's contact and company drafts do the same). */
    @org.bastion.crm.api.rest.ReadOnlyMembers({"id", "version", "createdAt", "updatedAt"})
    record PersonDraft(String firstName, java.util.List<String> tags) {
    }

    /** Another capability's draft, with the same declaration. */
    @org.bastion.crm.api.rest.ReadOnlyMembers({"id", "version", "createdAt", "updatedAt"})
    record FirmDraft(String name) {
    }

    @Test
    void aStoredRecordCanBeReadBackAsItsDeclaredDraftButOtherUnknownFieldsStillFail() throws Exception {
        String stored = "{\"id\":\"7f6005f7-11fa-4ee6-8411-f645186dcd7f\",\"firstName\":\"Ada\",\"version\":3,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-02T00:00:00Z\",\"tags\":[\"vip\"]}";
        PersonDraft draft = mapper.readValue(stored, PersonDraft.class);
        assertThat(draft.firstName()).isEqualTo("Ada");
        assertThat(draft.tags()).containsExactly("vip");
        assertThatThrownBy(() -> mapper.readValue("{\"firstName\":\"Ada\",\"nickname\":\"A\"}",
                PersonDraft.class)).isInstanceOf(UnrecognizedPropertyException.class);
        assertThat(mapper.readValue("{\"name\":\"Acme\",\"id\":\"x\",\"version\":1}", FirmDraft.class).name())
                .isEqualTo("Acme");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void writesThroughTheJaxRsInterface() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sample sample = new Sample("Ann", null, null, null);
        MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
        provider.writeTo(sample, Sample.class, Sample.class, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, headers, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Ann\"}");
        assertThat(headers.getFirst("Content-Length")).as("sent in one piece, not chunked").isEqualTo(14);
        Object read = provider.readFrom((Class) Sample.class, Sample.class,
                new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream(out.toByteArray()));
        assertThat(read).isEqualTo(sample);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(byte[] body) throws Exception {
        return provider.readFrom((Class) Sample.class, Sample.class, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), new ByteArrayInputStream(body));
    }

    private static byte[] nameWith(byte... middle) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(middle);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void anOverlongSlashIsRefusedAsMalformedJsonInsteadOfReadAsASlash() {
        assertThatThrownBy(() -> read(nameWith((byte) 0xC0, (byte) 0xAF)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }

    @Test
    void anEncodedSurrogateAndStrayBytesAreRefusedAsMalformedJson() {
        assertThatThrownBy(() -> read(nameWith((byte) 0xED, (byte) 0xA0, (byte) 0x80)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
        assertThatThrownBy(() -> read(nameWith((byte) 0xC3, (byte) 0x28)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
        assertThatThrownBy(() -> read(nameWith((byte) 0xFF)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }

    @Test
    void wellFormedMultiByteTextIsReadUnchanged() throws Exception {
        String name = "\u00c9lodie \u20ac \ud83d\ude00";
        assertThat(read(("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Sample(name, null, null, null));
    }

    @Test
    void deeplyNestedAndDuplicatedInputIsARequestError() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> read(("{\"name\":" + deep + "}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\":1e999999999}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }
}
