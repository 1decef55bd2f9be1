package org.bastion.crm.support.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.EntityTags;
import org.bastion.crm.api.rest.IfMatch;

/**
 * The small request rules every record resource shares: reading ids, requiring bodies, checking {@code If-Match}
 * against the stored version (412), {@code If-None-Match} (304), and answering a record with its ETag.
 *
 * <p>A path id that is not a UUID names no record: it is answered 404, exactly like an unknown UUID, and the problem
 * repeats it only when it is short and printable. A UUID in a query parameter that is malformed is a 400 naming that
 * parameter.
 */
public final class RecordRequests {

    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RecordRequests() {
    }

    /**
     * The id in a path.
     *
     * @throws NotFoundException naming {@code kind} when {@code raw} is not a UUID
     */
    public static UUID pathId(String kind, String raw) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below like any unknown id
        }
        throw new NotFoundException(kind, raw != null && PRINTABLE_ID.matcher(raw).matches() ? raw : "(invalid id)");
    }

    /**
     * The UUID of a query parameter, null when absent or blank.
     *
     * @throws ValidationException naming {@code parameter} when the value is not a UUID
     */
    public static UUID queryId(String parameter, String raw) {
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

    /**
     * The body.
     *
     * @throws ValidationException on field {@code body} when the request had none
     */
    public static <T> T body(T body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
        return body;
    }

    /**
     * Returns quietly when the record at {@code currentVersion} satisfies {@code ifMatch}.
     *
     * @throws StaleVersionException (412) otherwise
     */
    public static void check(IfMatch ifMatch, String kind, UUID id, long currentVersion) {
        if (!ifMatch.matches(currentVersion)) {
            throw new StaleVersionException(kind, id, ifMatch.expectedVersion(), currentVersion);
        }
    }

    /** Whether an {@code If-None-Match} header names the current version (the client's copy is fresh: 304). */
    public static boolean fresh(String ifNoneMatch, long currentVersion) {
        return IfMatch.parse(ifNoneMatch).map(tags -> tags.matches(currentVersion)).orElse(false);
    }

    /** The response builder with the record's ETag header added. */
    public static Response.ResponseBuilder tagged(Response.ResponseBuilder builder, long version) {
        return builder.header("ETag", EntityTags.of(version));
    }
}
