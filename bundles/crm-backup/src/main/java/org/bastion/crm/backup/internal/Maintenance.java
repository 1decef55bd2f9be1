package org.bastion.crm.backup.internal;

import java.time.Instant;

/**
 * The maintenance state every node reads from {@code crm_backup_maintenance}.
 *
 * @param active    whether REST requests other than health and reading backups answer 503
 * @param reason    why (a restore running, or why one failed), or null
 * @param since     since when, or null
 * @param restoreId the backup being (or last) restored, or null
 * @param node      the node that set it, or null
 */
public record Maintenance(boolean active, String reason, Instant since, String restoreId, String node) {

    /** Not in maintenance. */
    public static final Maintenance OFF = new Maintenance(false, null, null, null, null);
}
