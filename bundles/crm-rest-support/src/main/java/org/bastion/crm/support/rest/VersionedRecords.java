package org.bastion.crm.support.rest;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.rest.IfMatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The HTTP rules every versioned record kind follows, in one place: ETags on reads and writes, 304 for a fresh
 * If-None-Match, If-Match required (428) and checked (412) before a change, optional on delete, 404 for an id that is
 * unknown or not a UUID. A resource keeps only its paths, parameters and documentation:
 *
 * <pre>{@code
 * records = VersionedRecords.<Deal, DealDraft>builder("deal", DealDraft.class)
 *         .find(deals::find).update(deals::update).delete(deals::delete)
 *         .id(Deal::id).version(Deal::version).draftOf(Deal::toDraft)
 *         .build();
 * ...
 * return records.read(id, ifNoneMatch);
 * }</pre>
 *
 * @param <R> the stored record type
 * @param <D> the draft type a client sends
 */
public final class VersionedRecords<R, D> {

    /** Replaces a record with a draft, provided it is still at the expected version. */
    @FunctionalInterface
    @ConsumerType
    public interface Update<R, D> {

        /** The record as stored after the change. */
        R apply(UUID id, long expectedVersion, D draft);
    }

    /** Deletes a record (a negative expected version means any); false when there was none. */
    @FunctionalInterface
    @ConsumerType
    public interface Delete {

        /** Whether a record was deleted. */
        boolean apply(UUID id, long expectedVersion);
    }

    private final String kind;
    private final Function<UUID, Optional<R>> find;
    private final Update<R, D> update;
    private final Delete delete;
    private final Function<R, UUID> idOf;
    private final ToLongFunction<R> versionOf;
    private final Function<R, D> draftOf;
    private final Class<D> draftType;

    /**
     * The rules for records of {@code kind} (the word problems use, such as {@code deal}) stored by the given
     * functions; {@link #builder} names each of them.
     */
    public VersionedRecords(String kind, Function<UUID, Optional<R>> find, Update<R, D> update, Delete delete,
                            Function<R, UUID> idOf, ToLongFunction<R> versionOf, Function<R, D> draftOf,
                            Class<D> draftType) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.find = Objects.requireNonNull(find, "find");
        this.update = Objects.requireNonNull(update, "update");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.idOf = Objects.requireNonNull(idOf, "id");
        this.versionOf = Objects.requireNonNull(versionOf, "version");
        this.draftOf = Objects.requireNonNull(draftOf, "draftOf");
        this.draftType = Objects.requireNonNull(draftType, "draftType");
    }

    /** A builder for records of {@code kind} whose clients send drafts of {@code draftType}. */
    public static <R, D> Builder<R, D> builder(String kind, Class<D> draftType) {
        return new Builder<>(kind, draftType);
    }

    /** The record kind, as problems name it. */
    public String kind() {
        return kind;
    }

    /**
     * The record a path names.
     *
     * @throws NotFoundException (404) when there is none, or the id is not a UUID
     */
    public R find(String pathId) {
        UUID id = RecordRequests.pathId(kind, pathId);
        return find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
    }

    /** 201 with Location and ETag for a record just created. */
    public Response created(R record, UriInfo uriInfo) {
        return RecordRequests.tagged(Response.created(uriInfo.getAbsolutePathBuilder()
                .path(idOf.apply(record).toString()).build()), versionOf.applyAsLong(record)).entity(record).build();
    }

    /** GET: 200 with the record and its ETag, or 304 when If-None-Match names the current version. */
    public Response read(String pathId, String ifNoneMatch) {
        R record = find(pathId);
        long version = versionOf.applyAsLong(record);
        if (RecordRequests.fresh(ifNoneMatch, version)) {
            return RecordRequests.tagged(Response.notModified(), version).build();
        }
        return RecordRequests.tagged(Response.ok(record), version).build();
    }

    /** PUT: the draft replaces the record named by If-Match (428 without it, 412 when it is not current). */
    public Response replace(String pathId, String ifMatch, D draft) {
        UUID id = RecordRequests.pathId(kind, pathId);
        IfMatch precondition = IfMatch.require(ifMatch);
        D replacement = RecordRequests.body(draft);
        return changed(id, precondition, current -> replacement);
    }

    /**
     * PATCH: the JSON Merge Patch is applied to the draft of the record named by If-Match, with the application's
     * JSON mapping ({@code @Context Providers}).
     */
    public Response patch(String pathId, String ifMatch, JsonNode patch, Providers providers) {
        UUID id = RecordRequests.pathId(kind, pathId);
        IfMatch precondition = IfMatch.require(ifMatch);
        DraftPatcher patcher = DraftPatcher.from(providers);
        return changed(id, precondition, current -> {
            try {
                return patcher.patch(draftOf.apply(current), patch, draftType);
            } catch (JsonProcessingException e) {
                // the problem mapper finds the JSON error in the cause chain and answers 400 naming the field
                throw new UncheckedIOException(e);
            }
        });
    }

    /** DELETE: 204, or 404 when there is no such record; with If-Match only if it names the current version. */
    public Response delete(String pathId, String ifMatch) {
        UUID id = RecordRequests.pathId(kind, pathId);
        long expectedVersion = -1;
        Optional<IfMatch> precondition = IfMatch.parse(ifMatch);
        if (precondition.isPresent()) {
            R current = find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
            expectedVersion = versionOf.applyAsLong(current);
            RecordRequests.check(precondition.get(), kind, id, expectedVersion);
        }
        if (!delete.apply(id, expectedVersion)) {
            throw new NotFoundException(kind, id);
        }
        return Response.noContent().build();
    }

    private Response changed(UUID id, IfMatch precondition, Function<R, D> draftFor) {
        R current = find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
        long version = versionOf.applyAsLong(current);
        RecordRequests.check(precondition, kind, id, version);
        R updated = update.apply(id, version, draftFor.apply(current));
        return RecordRequests.tagged(Response.ok(updated), versionOf.applyAsLong(updated)).build();
    }

    /**
     * Names what {@link VersionedRecords} needs of a record kind; every part is required.
     *
     * @param <R> the stored record type
     * @param <D> the draft type a client sends
     */
    public static final class Builder<R, D> {

        private final String kind;
        private final Class<D> draftType;
        private Function<UUID, Optional<R>> find;
        private Update<R, D> update;
        private Delete delete;
        private Function<R, UUID> idOf;
        private ToLongFunction<R> versionOf;
        private Function<R, D> draftOf;

        private Builder(String kind, Class<D> draftType) {
            this.kind = kind;
            this.draftType = draftType;
        }

        /** How to find a record by id (empty when there is none within the caller's reach). */
        public Builder<R, D> find(Function<UUID, Optional<R>> finder) {
            this.find = finder;
            return this;
        }

        /** How to replace a record still at an expected version. */
        public Builder<R, D> update(Update<R, D> updater) {
            this.update = updater;
            return this;
        }

        /** How to delete a record (a negative expected version means any). */
        public Builder<R, D> delete(Delete deleter) {
            this.delete = deleter;
            return this;
        }

        /** A record's id. */
        public Builder<R, D> id(Function<R, UUID> id) {
            this.idOf = id;
            return this;
        }

        /** A record's version, as its ETag carries it. */
        public Builder<R, D> version(ToLongFunction<R> version) {
            this.versionOf = version;
            return this;
        }

        /** The draft a record is made of, which a merge patch changes. */
        public Builder<R, D> draftOf(Function<R, D> draft) {
            this.draftOf = draft;
            return this;
        }

        /**
         * The rules.
         *
         * @throws NullPointerException naming the first part not given
         */
        public VersionedRecords<R, D> build() {
            return new VersionedRecords<>(kind, find, update, delete, idOf, versionOf, draftOf, draftType);
        }
    }
}
