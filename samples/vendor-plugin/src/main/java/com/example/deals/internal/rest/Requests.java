package com.example.deals.internal.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.EntityTags;
import org.bastion.crm.api.rest.IfMatch;

/**
 * Interim copy of the platform class RecordRequests (issue 12 exports it); replaced once it is released.
 *
 * What versioned-record resources share: reading ids, requiring bodies, checking {@code If-Match} against the
 * stored version, and answering a record with its ETag.
 *
 * <p>A path id that is not a UUID names no record: it is answered 404, exactly like an unknown UUID. A UUID in a
 * query parameter  that is malformed is a 400 naming that parameter.
 */
final class Requests {

    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Requests() {
    }

    /** The id in a path, or 404 when it is not a UUID. */
    static UUID pathId(String kind, String raw) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below like any unknown id
        }
        throw new NotFoundException(kind, raw != null && PRINTABLE_ID.matcher(raw).matches() ? raw : "(invalid id)");
    }

    /** The UUID of a query parameter, null when absent, or a 400 naming the parameter. */
    static UUID queryId(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (raw.trim().length() == 36) {
                return UUID.fromString(raw.trim());
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw ValidationException.of(parameter, "must be a UUID");
    }

    /** The body, or a 400 when the request had none. */
    static <T> T body(T body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
        return body;
    }

    /** Raises 412 when the record at {@code currentVersion} does not satisfy {@code ifMatch}. */
    static void check(IfMatch ifMatch, String kind, UUID id, long currentVersion) {
        if (!ifMatch.matches(currentVersion)) {
            throw new StaleVersionException(kind, id, ifMatch.expectedVersion(), currentVersion);
        }
    }

    /** Whether an {@code If-None-Match} header names the current version (the client's copy is fresh). */
    static boolean fresh(String ifNoneMatch, long currentVersion) {
        return IfMatch.parse(ifNoneMatch).map(tags -> tags.matches(currentVersion)).orElse(false);
    }

    /** A response builder carrying the record's ETag. */
    static Response.ResponseBuilder tagged(Response.ResponseBuilder builder, long version) {
        return builder.header("ETag", EntityTags.of(version));
    }
}
