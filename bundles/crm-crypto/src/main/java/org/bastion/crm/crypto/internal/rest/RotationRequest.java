package org.bastion.crm.crypto.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optional body of {@code POST /keys/{purpose}/rotations}: no body (or an empty one) starts the rotation
 * unconditionally; a JSON object may name the key version the caller expects to be active, so that two
 * administrators rotating at once do not rotate twice. Unknown fields and malformed JSON are refused with 400.
 *
 * @param expectedActiveVersion when given, the rotation starts only while this version of the key is the active one
 */
@Schema(name = "RotationRequest", description = "optional; no body starts the rotation unconditionally")
public record RotationRequest(
        @Schema(description = "start only while this key version is the active one (else 409)", minimum = "1")
        Integer expectedActiveVersion) {

    /** What no body means. */
    static final RotationRequest NONE = new RotationRequest(null);
}
