package org.bastion.crm.backup.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.backup.internal.BackupAccess;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupPermissions;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/backups}: the catalogue of backups, taking, verifying, deleting and restoring one; never a backup
 * file's content. The service checks {@code backups:read}, {@code backups:manage} and {@code backups:restore}; the
 * permission of an operation is checked here first, so a caller without it gets 403 whatever the path or body hold.
 * Taking, verifying and restoring run while the request waits (seconds for a small CRM, see the runbook's figures).
 */
@Component(service = BackupsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-backups")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "backups", description = "Backups: catalogue, take, verify, delete, restore")
public class BackupsResource {

    private static final String KIND = "backup";
    private static final String EXAMPLE_ID = "3f2b8c1e-6a4d-4f7e-9b1a-2c5d8e7f9a10";

    private final BackupService backups;
    private final BackupAccess access;

    @Activate
    public BackupsResource(@Reference BackupService backups, @Reference BackupAccess access) {
        this.backups = backups;
        this.access = access;
    }

    @GET
    @Operation(summary = "Every backup of the catalogue, newest first (files are never served)", responses = {
            @ApiResponse(responseCode = "200", description = "the backups",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = BackupInfo.class)))),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:read")})
    public List<BackupInfo> list() {
        return backups.list();
    }

    @POST
    @Operation(summary = "Take a backup now (no body)", description = "Writes an encrypted archive of every "
            + "participant's data from one consistent snapshot, then rewrites the key backup. One backup or restore "
            + "runs at a time across every node.", responses = {
            @ApiResponse(responseCode = "201", description = "taken; Location names it",
                    headers = @Header(name = "Location", description = "the backup's URI"),
                    content = @Content(schema = @Schema(implementation = BackupInfo.class))),
            @ApiResponse(responseCode = "400", description = "a body was sent"),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:manage"),
            @ApiResponse(responseCode = "409", description = "another backup or restore is running (type backup-busy)"),
            @ApiResponse(responseCode = "503", description = "the keys are locked, the database failed, or the CRM is "
                    + "in maintenance"),
            @ApiResponse(responseCode = "507", description = "the backup directory is missing, not writable or full "
                    + "(type backup-storage); no partial file is left")})
    public Response create(@Context UriInfo uriInfo) {
        access.check(BackupPermissions.MANAGE);
        BackupInfo backup = backups.create("manual", BackupProgress.NONE);
        URI location = uriInfo.getAbsolutePathBuilder().path(backup.id().toString()).build();
        return Response.created(location).entity(backup).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One backup with its manifest (participants, schema versions, row counts, checksums)",
            responses = {
            @ApiResponse(responseCode = "200", description = "the backup",
                    content = @Content(schema = @Schema(implementation = BackupInfo.class))),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:read"),
            @ApiResponse(responseCode = "404", description = "no such backup")})
    public BackupInfo get(@Parameter(description = "the backup's id (UUID)") @PathParam("id") String id) {
        access.check(BackupPermissions.READ);
        UUID backupId = id(id);
        return backups.get(backupId).orElseThrow(() -> new NotFoundException(KIND, backupId));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a backup's file; its catalogue row stays, marked DELETED", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:manage"),
            @ApiResponse(responseCode = "404", description = "no such backup, or deleted already"),
            @ApiResponse(responseCode = "409", description = "the backup is running, or another operation runs")})
    public Response delete(@Parameter(description = "the backup's id (UUID)") @PathParam("id") String id) {
        access.check(BackupPermissions.MANAGE);
        backups.delete(id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/verify")
    @Operation(summary = "Verify a backup: decrypt it, check every checksum, load it into a scratch database",
            responses = {
            @ApiResponse(responseCode = "200", description = "sound; verifyState is VERIFIED",
                    content = @Content(schema = @Schema(implementation = BackupInfo.class))),
            @ApiResponse(responseCode = "400", description = "a body was sent"),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:manage"),
            @ApiResponse(responseCode = "404", description = "no such backup"),
            @ApiResponse(responseCode = "409", description = "the backup has no complete file (running or failed)"),
            @ApiResponse(responseCode = "422", description = "damaged, truncated, not a backup, under an unknown key, "
                    + "newer than this CRM or not loadable (type backup-<reason>, the damaged part named); the "
                    + "catalogue marks it DAMAGED"),
            @ApiResponse(responseCode = "503", description = "the keys are locked or the CRM is in maintenance")})
    public BackupInfo verify(@Parameter(description = "the backup's id (UUID)") @PathParam("id") String id) {
        access.check(BackupPermissions.MANAGE);
        return backups.verify(id(id), BackupProgress.NONE);
    }

    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a backup: replaces every record of the CRM with the backup's",
            description = "Puts every node in maintenance (other requests answer 503 with Retry-After), takes a "
                    + "safety backup (trigger pre-restore), replaces the data (migrating it when the backup is older "
                    + "than the code) and reopens. A restore that fails after changing data leaves maintenance on, "
                    + "with the reason and the safety backup's id.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RestoreRequest.class),
                    examples = @ExampleObject(name = "confirm", summary = "the backup's id typed again",
                            value = "{\"confirm\": \"" + EXAMPLE_ID + "\"}"))),
            responses = {
            @ApiResponse(responseCode = "200", description = "restored",
                    content = @Content(schema = @Schema(implementation = RestoreBody.class))),
            @ApiResponse(responseCode = "400", description = "no body, or confirm is not the backup's id"),
            @ApiResponse(responseCode = "403", description = "the caller lacks backups:restore"),
            @ApiResponse(responseCode = "404", description = "no such backup"),
            @ApiResponse(responseCode = "409", description = "another backup or restore is running, or the backup has "
                    + "no complete file"),
            @ApiResponse(responseCode = "415", description = "a body that is not application/json"),
            @ApiResponse(responseCode = "422", description = "the file is not usable (type backup-<reason>); nothing "
                    + "was changed"),
            @ApiResponse(responseCode = "503", description = "the keys are locked, or the restore failed while "
                    + "loading (the CRM stays in maintenance)")})
    public RestoreBody restore(@Parameter(description = "the backup's id (UUID)") @PathParam("id") String id,
            RestoreRequest body) {
        access.check(BackupPermissions.RESTORE);
        UUID backupId = id(id);
        if (body == null) {
            throw ValidationException.of("body", "is required: {\"confirm\": \"<the backup's id>\"}");
        }
        if (body.confirm() == null || !body.confirm().trim().equalsIgnoreCase(backupId.toString())) {
            throw ValidationException.of("confirm", "must be the id of the backup to restore, as in the path");
        }
        return RestoreBody.of(backupId, backups.restore(backupId, BackupProgress.NONE));
    }

    /** The canonical UUID in a path; anything else names no backup (404). */
    static UUID id(String raw) {
        try {
            UUID id = UUID.fromString(raw == null ? "" : raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw new NotFoundException(KIND, "(invalid id)");
    }
}
