package org.bastion.crm.backup.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /backups/{id}/restore}: the backup's id typed again, so that no restore (which replaces every
 * record) starts by a slip.
 *
 * @param confirm the id of the backup to restore, exactly as in the path
 */
@Schema(description = "Confirmation of a restore", example = "{\"confirm\": \"3f2b8c1e-6a4d-4f7e-9b1a-2c5d8e7f9a10\"}")
public record RestoreRequest(
        @Schema(description = "the id of the backup to restore, as in the path",
                example = "3f2b8c1e-6a4d-4f7e-9b1a-2c5d8e7f9a10") String confirm) {
}
