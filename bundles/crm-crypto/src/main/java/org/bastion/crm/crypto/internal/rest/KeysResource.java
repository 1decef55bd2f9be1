package org.bastion.crm.crypto.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.crypto.internal.KeyAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/keys}: the key status, every key version with how many records use it, and online rotation of a
 * key while reads and writes go on; never any key material. The key service checks {@code keys:read} and
 * {@code keys:manage}; the permission of an operation is checked here too before its path is parsed, so a caller
 * without it gets 403 whatever the path holds.
 */
@Component(service = KeysResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-keys")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "Encryption keys: status, versions and online rotation")
public class KeysResource {

    static final String ROTATION_KIND = "key rotation";

    private final KeyService keys;
    private final KeyAccess access;

    @Activate
    public KeysResource(@Reference KeyService keys, @Reference KeyAccess access) {
        this.keys = keys;
        this.access = access;
    }

    @GET
    @Operation(summary = "The key status, every key version and the rotations since the start", responses = {
            @ApiResponse(responseCode = "200", description = "the status; while the keys are locked, status.state is "
                    + "LOCKED and the list of keys is empty",
                    content = @Content(schema = @Schema(implementation = KeysBody.class))),
            @ApiResponse(responseCode = "403", description = "the caller lacks keys:read")})
    public KeysBody overview() {
        KeyStatus status = keys.status();
        List<KeyVersionBody> versions = List.of();
        if (status.usable()) {
            try {
                versions = keys.keys().stream().map(KeyVersionBody::of).toList();
            } catch (KeysLockedException lockedMeanwhile) {
                status = keys.status();
            }
        }
        return new KeysBody(status, versions, keys.rotations().stream().map(RotationBody::of).toList());
    }

    @POST
    @Path("{purpose}/rotations")
    @Operation(summary = "Start rotating a key: a new version, and everything moved to it in the background "
            + "(rotating the master key re-wraps the data keys only)",
            description = "The body is optional: none (or an empty one) starts the rotation; a JSON object may name "
                    + "expectedActiveVersion, and the rotation then starts only while that version is active. Only one "
                    + "rotation of a purpose runs at a time, across every node sharing the database.",
            requestBody = @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RotationRequest.class))),
            responses = {
            @ApiResponse(responseCode = "202", description = "started; Location names the rotation to follow",
                    headers = @Header(name = "Location", description = "the rotation's URI"),
                    content = @Content(schema = @Schema(implementation = RotationBody.class))),
            @ApiResponse(responseCode = "400", description = "unknown purpose, malformed body or unknown field"),
            @ApiResponse(responseCode = "403", description = "the caller lacks keys:manage"),
            @ApiResponse(responseCode = "409", description = "a rotation of this key is already running (on any node), "
                    + "or expectedActiveVersion is not the active version"),
            @ApiResponse(responseCode = "415", description = "a body that is not application/json"),
            @ApiResponse(responseCode = "503", description = "the keys are locked")})
    public Response rotate(
            @Parameter(description = "master, field, blind-index, backup or audit-signing") @PathParam("purpose") String purpose,
            @Parameter(hidden = true) InputStream body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo, @Context Providers providers) throws IOException {
        access.check(StandardPermissions.KEYS_MANAGE);
        KeyPurpose keyPurpose = purpose(purpose);
        RotationRequest request = RotationRequests.read(body, mediaType(contentType), () -> mapper(providers));
        RotationRequests.checkExpectation(request, keyPurpose, keys);
        KeyRotation rotation = keys.rotate(keyPurpose);
        URI location = uriInfo.getBaseUriBuilder().path(KeysResource.class).path(KeysResource.class, "rotation")
                .build(rotation.id());
        return Response.accepted(RotationBody.of(rotation)).location(location).build();
    }

    @GET
    @Path("rotations/{id}")
    @Operation(summary = "A rotation's state and progress", responses = {
            @ApiResponse(responseCode = "200", description = "the rotation",
                    content = @Content(schema = @Schema(implementation = RotationBody.class))),
            @ApiResponse(responseCode = "400", description = "the id is not a UUID"),
            @ApiResponse(responseCode = "403", description = "the caller lacks keys:read"),
            @ApiResponse(responseCode = "404", description = "no such rotation since the crypto bundle started")})
    public RotationBody rotation(@Parameter(description = "the rotation's id (UUID)") @PathParam("id") String id) {
        access.check(StandardPermissions.KEYS_READ);
        UUID rotationId = rotationId(id);
        return keys.rotation(rotationId).map(RotationBody::of)
                .orElseThrow(() -> new NotFoundException(ROTATION_KIND, rotationId));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("the Content-Type cannot be read");
        }
    }

    private static ObjectMapper mapper(Providers providers) {
        ContextResolver<ObjectMapper> resolver = providers == null ? null
                : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
        ObjectMapper mapper = resolver == null ? null : resolver.getContext(ObjectMapper.class);
        if (mapper == null) {
            throw new IllegalStateException("the CRM JSON provider offers no ObjectMapper");
        }
        return mapper;
    }

    /** The purpose with this wire name, or a 400 naming {@code purpose}. */
    static KeyPurpose purpose(String wireName) {
        try {
            return KeyPurpose.ofWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("purpose", "must be one of master, field, blind-index, backup, audit-signing");
        }
    }

    /** The canonical UUID in a path, or a 400 naming {@code id}. */
    static UUID rotationId(String raw) {
        try {
            UUID id = UUID.fromString(raw == null ? "" : raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw ValidationException.of("id", "must be a UUID");
    }
}
