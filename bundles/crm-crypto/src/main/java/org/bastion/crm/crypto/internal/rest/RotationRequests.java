package org.bastion.crm.crypto.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks the optional body of a rotation request with the application's strict JSON mapper: empty means
 * {@link RotationRequest#NONE}; anything else must be {@code application/json} (else 415) holding a
 * {@link RotationRequest} (else 400 naming the field, or the body when it is malformed).
 */
final class RotationRequests {

    private RotationRequests() {
    }

    /** The request a body stands for; Jackson's errors propagate to the application's JSON problem mapper. */
    static RotationRequest read(InputStream body, MediaType contentType, Supplier<ObjectMapper> mapper)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (bytes.length == 0) {
            return RotationRequest.NONE;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(contentType)
                || contentType.isWildcardType()) {
            throw new NotSupportedException("the body of a rotation request must be application/json");
        }
        RotationRequest request = mapper.get().readValue(bytes, RotationRequest.class);
        if (request == null) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        if (request.expectedActiveVersion() != null && request.expectedActiveVersion() < 1) {
            throw ValidationException.of("expectedActiveVersion", "must be at least 1");
        }
        return request;
    }

    /** Refuses with 409 when the request expects another active version of {@code purpose} than the current one. */
    static void checkExpectation(RotationRequest request, KeyPurpose purpose, KeyService keys) {
        Integer expected = request.expectedActiveVersion();
        if (expected == null) {
            return;
        }
        int active = keys.keys().stream()
                .filter(key -> key.purpose() == purpose && key.state() == DataKeyInfo.KeyState.ACTIVE)
                .mapToInt(DataKeyInfo::version).max().orElse(0);
        if (active != expected) {
            throw new ConflictException("the active " + purpose.wireName() + " key is version " + active + ", not "
                    + expected + "; nothing was rotated");
        }
    }
}
