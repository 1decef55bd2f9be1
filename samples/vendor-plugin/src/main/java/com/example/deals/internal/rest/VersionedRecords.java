package com.example.deals.internal.rest;

import java.io.UncheckedIOException;
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

/**
 * Interim copy of the platform class of the same name (issue 12 exports it); replaced once it is released.
 *
 * The HTTP rules every versioned record kind follows, in one place: ETags on reads and writes, 304 for a fresh
 * If-None-Match, If-Match required (428) and checked (412) before a change, optional on delete, 404 for an id that is
 * unknown or not a UUID. Resources keep only their paths, parameters and documentation.
 *
 * @param <R> the stored record type
 * @param <D> the draft type a client sends
 */
final class VersionedRecords<R, D> {

    /** Replaces a record with a draft, provided it is still at the expected version. */
    @FunctionalInterface
    interface Update<R, D> {
        R apply(UUID id, long expectedVersion, D draft);
    }

    /** Deletes a record (a negative expected version means any); false when there was none. */
    @FunctionalInterface
    interface Delete {
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

    VersionedRecords(String kind, Function<UUID, Optional<R>> find, Update<R, D> update, Delete delete,
                     Function<R, UUID> idOf, ToLongFunction<R> versionOf, Function<R, D> draftOf, Class<D> draftType) {
        this.kind = kind;
        this.find = find;
        this.update = update;
        this.delete = delete;
        this.idOf = idOf;
        this.versionOf = versionOf;
        this.draftOf = draftOf;
        this.draftType = draftType;
    }

    /** The record a path names, or a 404. */
    R find(String pathId) {
        UUID id = Requests.pathId(kind, pathId);
        return find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
    }

    /** 201 with Location and ETag for a record just created. */
    Response created(R record, UriInfo uriInfo) {
        return Requests.tagged(Response.created(uriInfo.getAbsolutePathBuilder().path(idOf.apply(record).toString())
                .build()), versionOf.applyAsLong(record)).entity(record).build();
    }

    /** 200 with the record and its ETag, or 304 when If-None-Match names the current version. */
    Response read(String pathId, String ifNoneMatch) {
        R record = find(pathId);
        long version = versionOf.applyAsLong(record);
        if (Requests.fresh(ifNoneMatch, version)) {
            return Requests.tagged(Response.notModified(), version).build();
        }
        return Requests.tagged(Response.ok(record), version).build();
    }

    /** PUT: the draft replaces the record named by If-Match. */
    Response replace(String pathId, String ifMatch, D draft) {
        UUID id = Requests.pathId(kind, pathId);
        IfMatch precondition = IfMatch.require(ifMatch);
        D replacement = Requests.body(draft);
        return changed(id, precondition, current -> replacement);
    }

    /** PATCH: the JSON Merge Patch is applied to the draft of the record named by If-Match. */
    Response patch(String pathId, String ifMatch, JsonNode patch, Providers providers) {
        UUID id = Requests.pathId(kind, pathId);
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
    Response delete(String pathId, String ifMatch) {
        UUID id = Requests.pathId(kind, pathId);
        long expectedVersion = -1;
        Optional<IfMatch> precondition = IfMatch.parse(ifMatch);
        if (precondition.isPresent()) {
            R current = find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
            expectedVersion = versionOf.applyAsLong(current);
            Requests.check(precondition.get(), kind, id, expectedVersion);
        }
        if (!delete.apply(id, expectedVersion)) {
            throw new NotFoundException(kind, id);
        }
        return Response.noContent().build();
    }

    private Response changed(UUID id, IfMatch precondition, Function<R, D> draftFor) {
        R current = find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
        long version = versionOf.applyAsLong(current);
        Requests.check(precondition, kind, id, version);
        R updated = update.apply(id, version, draftFor.apply(current));
        return Requests.tagged(Response.ok(updated), versionOf.applyAsLong(updated)).build();
    }
}
