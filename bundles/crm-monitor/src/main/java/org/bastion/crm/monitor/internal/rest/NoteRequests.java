package org.bastion.crm.monitor.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.ValidationException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the optional body of an acknowledgement or resolution with the application's strict JSON mapper: empty means
 * no note; anything else must be {@code application/json} (else 415) holding a {@link NoteRequest} (else 400).
 */
final class NoteRequests {

    private NoteRequests() {
    }

    /** The note of a body, or null. */
    static String note(InputStream body, String contentType, Supplier<ObjectMapper> mapper) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        MediaType type;
        try {
            type = contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("the Content-Type cannot be read");
        }
        if (type == null || type.isWildcardType() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new NotSupportedException("the body must be application/json");
        }
        NoteRequest request = mapper.get().readValue(bytes, NoteRequest.class);
        if (request == null) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        return request.note();
    }

    /** The application's JSON mapper. */
    static ObjectMapper mapper(Providers providers) {
        ContextResolver<ObjectMapper> resolver = providers == null ? null
                : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
        ObjectMapper mapper = resolver == null ? null : resolver.getContext(ObjectMapper.class);
        if (mapper == null) {
            throw new IllegalStateException("the CRM JSON provider offers no ObjectMapper");
        }
        return mapper;
    }
}
