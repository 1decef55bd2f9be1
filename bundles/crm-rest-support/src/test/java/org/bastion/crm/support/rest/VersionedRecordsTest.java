package org.bastion.crm.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.rest.PreconditionRequiredException;
import org.bastion.crm.testing.RestMocks;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class VersionedRecordsTest {

    /** A stored record of the test kind. */
    record Note(UUID id, long version, String text, String colour) {

        NoteDraft toDraft() {
            return new NoteDraft(text, colour);
        }
    }

    /** What a client sends. */
    record NoteDraft(String text, String colour) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<UUID, Note> store = new HashMap<>();
    private final VersionedRecords<Note, NoteDraft> records = VersionedRecords.<Note, NoteDraft>builder("note",
                    NoteDraft.class)
            .find(id -> Optional.ofNullable(store.get(id)))
            .update(this::update)
            .delete((id, expected) -> store.remove(id) != null)
            .id(Note::id).version(Note::version).draftOf(Note::toDraft)
            .build();

    private Note update(UUID id, long expectedVersion, NoteDraft draft) {
        Note updated = new Note(id, expectedVersion + 1, draft.text(), draft.colour());
        store.put(id, updated);
        return updated;
    }

    private Note stored(long version) {
        Note note = new Note(UUID.randomUUID(), version, "call back", "red");
        store.put(note.id(), note);
        return note;
    }

    @Test
    void createdAnswers201WithLocationAndETag() {
        Note note = stored(0);
        Response response = records.created(note, RestMocks.uri("https://crm.test/api/v1/notes"));
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).hasToString("https://crm.test/api/v1/notes/" + note.id());
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void readAnswersWithTheETagOr304WhenTheClientsCopyIsFresh() {
        Note note = stored(3);
        assertThat(records.read(note.id().toString(), null).getStatus()).isEqualTo(200);
        Response fresh = records.read(note.id().toString(), "\"3\"");
        assertThat(fresh.getStatus()).isEqualTo(304);
        assertThat(fresh.getHeaderString("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void anUnknownIdAndAnIdThatIsNotAUuidAreBoth404() {
        assertThatThrownBy(() -> records.read(UUID.randomUUID().toString(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.read("../etc/passwd", null)).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining("passwd");
    }

    @Test
    void replaceNeedsIfMatchAndTheCurrentVersion() {
        Note note = stored(2);
        String id = note.id().toString();
        NoteDraft draft = new NoteDraft("done", "green");
        assertThatThrownBy(() -> records.replace(id, null, draft)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> records.replace(id, "\"1\"", draft)).isInstanceOf(StaleVersionException.class);

        Response replaced = records.replace(id, "\"2\"", draft);

        assertThat(replaced.getStatus()).isEqualTo(200);
        assertThat(replaced.getHeaderString("ETag")).isEqualTo("\"3\"");
        assertThat(store.get(note.id()).text()).isEqualTo("done");
    }

    @Test
    void patchMergesIntoTheStoredDraftWithTheApplicationsMapper() throws Exception {
        Note note = stored(0);

        Response patched = records.patch(note.id().toString(), "\"0\"", MAPPER.readTree("{\"colour\":null}"),
                providers());

        assertThat(patched.getHeaderString("ETag")).isEqualTo("\"1\"");
        assertThat(store.get(note.id())).isEqualTo(new Note(note.id(), 1, "call back", null));
    }

    @Test
    void deleteChecksIfMatchOnlyWhenGivenAndAnswers404WhenNothingWasThere() {
        Note kept = stored(5);
        assertThatThrownBy(() -> records.delete(kept.id().toString(), "\"4\""))
                .isInstanceOf(StaleVersionException.class);
        assertThat(records.delete(kept.id().toString(), null).getStatus()).isEqualTo(204);
        assertThatThrownBy(() -> records.delete(kept.id().toString(), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBuilderMissingAPartNamesIt() {
        assertThatThrownBy(() -> VersionedRecords.<Note, NoteDraft>builder("note", NoteDraft.class)
                .find(id -> Optional.empty()).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("update");
    }

    private static Providers providers() {
        Providers providers = mock(Providers.class);
        ContextResolver<ObjectMapper> resolver = type -> MAPPER;
        when(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)).thenReturn(resolver);
        return providers;
    }
}
