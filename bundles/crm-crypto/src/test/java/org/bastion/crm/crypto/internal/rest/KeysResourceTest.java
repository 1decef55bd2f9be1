package org.bastion.crm.crypto.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import java.nio.charset.StandardCharsets;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.crypto.internal.KeyAccess;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class KeysResourceTest {

    /** Configured as crm-rest's JSON provider configures its mapper for writing. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    private static final UUID ID = UUID.fromString("3f2e1d0c-0000-4000-8000-000000000001");
    private static final KeyStatus UNLOCKED = new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from the environment", 2);
    private static final KeyStatus LOCKED = new KeyStatus(KeyStatus.State.LOCKED, "no passphrase", 0);
    private static final KeyRotation RUNNING = new KeyRotation(ID, KeyPurpose.BLIND_INDEX, 1, 2, KeyRotation.State.RUNNING,
            1234, 500, T0, null, null);

    private final KeyService keys = mock(KeyService.class);
    private Caller caller = new Caller("admin-id", "Admin", Set.of("admin"), true);
    private final KeysResource resource = new KeysResource(keys, KeyAccess.of(() -> caller, null, null));

    @Test
    void overviewHasTheStatusEveryKeyVersionAndTheRotationsWithPurposesByWireName() throws Exception {
        when(keys.status()).thenReturn(UNLOCKED);
        when(keys.keys()).thenReturn(List.of(
                new DataKeyInfo("master-v2", KeyPurpose.MASTER, 2, KeyState.ACTIVE, T0, null, 0, 3),
                new DataKeyInfo("blind-index-v1", KeyPurpose.BLIND_INDEX, 1, KeyState.RETIRING, T0, null, 2, 1234)));
        when(keys.rotations()).thenReturn(List.of(RUNNING));

        JsonNode json = json(resource.overview());

        assertThat(json.get("status")).isEqualTo(MAPPER.readTree(
                "{\"state\":\"UNLOCKED\",\"detail\":\"passphrase from the environment\",\"masterVersion\":2}"));
        assertThat(json.get("keys")).isEqualTo(MAPPER.readTree("["
                + "{\"id\":\"master-v2\",\"purpose\":\"master\",\"version\":2,\"state\":\"ACTIVE\","
                + "\"createdAt\":\"2025-03-01T10:15:30Z\",\"masterVersion\":0,\"recordsUsing\":3},"
                + "{\"id\":\"blind-index-v1\",\"purpose\":\"blind-index\",\"version\":1,\"state\":\"RETIRING\","
                + "\"createdAt\":\"2025-03-01T10:15:30Z\",\"masterVersion\":2,\"recordsUsing\":1234}]"));
        assertThat(json.get("rotations")).isEqualTo(MAPPER.readTree("[" + RUNNING_JSON + "]"));
    }

    @Test
    void overviewWhileLockedShowsTheLockedStatusAndNoKeysInsteadOfFailing() {
        when(keys.status()).thenReturn(LOCKED);
        when(keys.rotations()).thenReturn(List.of());

        KeysBody body = resource.overview();

        assertThat(body.status()).isEqualTo(LOCKED);
        assertThat(body.keys()).isEmpty();
        verify(keys, never()).keys();
    }

    @Test
    void overviewOfKeysLockedBetweenTwoCallsShowsTheNewStatus() {
        when(keys.status()).thenReturn(UNLOCKED, LOCKED);
        when(keys.keys()).thenThrow(new KeysLockedException("locked"));
        when(keys.rotations()).thenReturn(List.of(RUNNING));

        KeysBody body = resource.overview();

        assertThat(body.status()).isEqualTo(LOCKED);
        assertThat(body.keys()).isEmpty();
        assertThat(body.rotations()).extracting(RotationBody::id).containsExactly(ID);
    }

    @Test
    void rotateAnswers202WithTheRotationsLocationAndTheRotation() throws Exception {
        when(keys.rotate(KeyPurpose.BLIND_INDEX)).thenReturn(RUNNING);

        Response response = rotate("blind-index");

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getLocation()).isEqualTo(URI.create("http://h/api/v1/keys/rotations/" + ID));
        JsonNode json = json(response.getEntity());
        assertThat(json).isEqualTo(MAPPER.readTree(RUNNING_JSON));
    }

    @Test
    void rotateAcceptsAnyCaseOfTheWireName() {
        when(keys.rotate(KeyPurpose.MASTER)).thenReturn(new KeyRotation(ID, KeyPurpose.MASTER, 2, 3,
                KeyRotation.State.RUNNING, 3, 0, T0, null, null));

        Response response = rotate("Master");

        assertThat(((RotationBody) response.getEntity()).purpose()).isEqualTo("master");
    }

    @Test
    void rotateOfAnUnknownPurposeIsAFieldErrorOnPurpose() {
        for (String purpose : new String[] {"fields", "blind_index", "", "MASTER-KEY"}) {
            assertThatThrownBy(() -> rotate(purpose))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("purpose", "must be one of master, field, blind-index, backup, audit-signing")));
        }
        verify(keys, never()).rotate(any());
    }

    @Test
    void rotateLetsConflictAndLockedErrorsThroughForTheProblemMappers() {
        ConflictException running = new ConflictException("a rotation of the field key is already running");
        KeysLockedException locked = new KeysLockedException("the master key is locked");
        when(keys.rotate(KeyPurpose.FIELD)).thenThrow(running);
        when(keys.rotate(KeyPurpose.BACKUP)).thenThrow(locked);

        assertThatThrownBy(() -> rotate("field")).isSameAs(running);
        assertThatThrownBy(() -> rotate("backup")).isSameAs(locked);
    }

    @Test
    void rotationAnswersTheRotation() {
        KeyRotation failed = new KeyRotation(ID, KeyPurpose.FIELD, 1, 2, KeyRotation.State.FAILED, 10, 4, T0,
                T0.plusSeconds(5), "database connection lost");
        when(keys.rotation(ID)).thenReturn(Optional.of(failed));

        RotationBody body = resource.rotation(ID.toString());

        assertThat(body).isEqualTo(new RotationBody(ID, "field", 1, 2, KeyRotation.State.FAILED, 10, 4, T0,
                T0.plusSeconds(5), "database connection lost"));
    }

    @Test
    void rotationOfAnUnknownIdIsNotFound() {
        when(keys.rotation(ID)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> resource.rotation(ID.toString())).isInstanceOf(NotFoundException.class)
                .hasMessage("key rotation " + ID + " not found");
    }

    @Test
    void rotationOfAMalformedIdIsAFieldErrorOnId() {
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", "", "<script>"}) {
            assertThatThrownBy(() -> resource.rotation(id))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("id", "must be a UUID")));
        }
        verify(keys, never()).rotation(org.mockito.ArgumentMatchers.any());
    }

    private static final String RUNNING_JSON = "{\"id\":\"" + ID + "\",\"purpose\":\"blind-index\",\"fromVersion\":1,"
            + "\"toVersion\":2,\"state\":\"RUNNING\",\"total\":1234,\"done\":500,\"startedAt\":\"2025-03-01T10:15:30Z\"}";

    /** The body as a client reads it: written by the application's mapper, then parsed. */
    private static JsonNode json(Object body) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(body));
    }

    private Response rotate(String purpose) {
        try {
            return rotate(purpose, "", null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Response rotate(String purpose, String body, String contentType) throws java.io.IOException {
        return resource.rotate(purpose, new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                contentType, uri("http://h/api/v1/"), providers());
    }

    /** The application's JSON settings that matter here: unknown fields and trailing tokens are errors. */
    private static Providers providers() {
        ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        Providers providers = mock(Providers.class);
        when(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE))
                .thenReturn(type -> strict);
        return providers;
    }

    @Test
    void rotateWithoutBodyOrWithAnEmptyObjectStarts() throws Exception {
        when(keys.rotate(KeyPurpose.BLIND_INDEX)).thenReturn(RUNNING);

        assertThat(rotate("blind-index", "", null).getStatus()).isEqualTo(202);
        assertThat(rotate("blind-index", "{}", "application/json").getStatus()).isEqualTo(202);
        assertThat(rotate("blind-index", " {} ", "application/json; charset=utf-8").getStatus()).isEqualTo(202);
    }

    @Test
    void rotateRefusesMalformedBodiesAndUnknownFieldsBeforeRotating() {
        assertThatThrownBy(() -> rotate("field", "{\"reason\": \"x\"}", "application/json"))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class,
                        e -> assertThat(e.getPropertyName()).isEqualTo("reason"));
        for (String malformed : new String[] {"{", "not json", "{} {}", "{\"expectedActiveVersion\": }"}) {
            assertThatThrownBy(() -> rotate("field", malformed, "application/json")).as(malformed)
                    .isInstanceOf(JsonProcessingException.class);
        }
        assertThatThrownBy(() -> rotate("field", "[]", "application/json")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> rotate("field", "{\"expectedActiveVersion\": \"two\"}", "application/json"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> rotate("field", "{\"expectedActiveVersion\": 0}", "application/json"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("expectedActiveVersion"));
        assertThatThrownBy(() -> rotate("field", "null", "application/json")).isInstanceOf(ValidationException.class);
        verify(keys, never()).rotate(any());
    }

    @Test
    void rotateRefusesABodyThatIsNotJsonWith415() {
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "*/*"}) {
            assertThatThrownBy(() -> rotate("field", "{}", type)).as(String.valueOf(type))
                    .isInstanceOfSatisfying(NotSupportedException.class,
                            e -> assertThat(e.getResponse().getStatus()).isEqualTo(415));
        }
        verify(keys, never()).rotate(any());
    }

    @Test
    void rotateStartsOnlyWhileTheExpectedVersionIsActive() throws Exception {
        when(keys.keys()).thenReturn(List.of(
                new DataKeyInfo("k1", KeyPurpose.FIELD, 1, KeyState.RETIRED, T0, T0, 1, 0),
                new DataKeyInfo("k2", KeyPurpose.FIELD, 2, KeyState.ACTIVE, T0, null, 1, 0),
                new DataKeyInfo("b3", KeyPurpose.BLIND_INDEX, 3, KeyState.ACTIVE, T0, null, 1, 0)));
        when(keys.rotate(KeyPurpose.FIELD)).thenReturn(RUNNING);

        assertThatThrownBy(() -> rotate("field", "{\"expectedActiveVersion\": 3}", "application/json"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("version 2, not 3"));
        verify(keys, never()).rotate(any());

        assertThat(rotate("field", "{\"expectedActiveVersion\": 2}", "application/json").getStatus()).isEqualTo(202);
    }

    private static UriInfo uri(String base) {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getBaseUriBuilder()).thenAnswer(call -> UriBuilder.fromUri(base));
        return uriInfo;
    }

    @Test
    void overviewWithoutKeysReadIsRefusedNotEmptied() {
        when(keys.status()).thenReturn(UNLOCKED);
        when(keys.keys()).thenThrow(new AccessDeniedException("this needs the permission keys:read"));
        when(keys.rotations()).thenThrow(new AccessDeniedException("this needs the permission keys:read"));

        assertThatThrownBy(resource::overview).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rotatingWithoutKeysManageIsRefusedBeforeThePurposeIsJudged() {
        caller = new Caller("u-sales", "Sam", Set.of("sales"), true);

        assertThatThrownBy(() -> rotate("no-such-purpose", "{\"unknown\": 1}", "text/plain"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("keys:manage");
        verify(keys, never()).rotate(any());
    }

    @Test
    void aRotationWithoutKeysReadIsRefusedBeforeTheIdIsJudged() {
        caller = new Caller("u-sales", "Sam", Set.of("sales"), true);

        assertThatThrownBy(() -> resource.rotation("not-a-uuid"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("keys:read");
    }
}
