package org.bastion.crm.backup.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions the backup bundle defines: {@code backups:read}, {@code backups:manage} and {@code backups:restore};
 * no built-in role but {@code admin} (which holds {@code *}) holds them.
 */
@Component(service = PermissionSet.class)
public final class BackupPermissions implements PermissionSet {

    /** See the catalogue of backups (never a file's content). */
    public static final String READ = "backups:read";

    /** Take, verify and delete backups. */
    public static final String MANAGE = "backups:manage";

    /** Restore a backup (replaces every record) and end maintenance mode. */
    public static final String RESTORE = "backups:restore";

    static final List<PermissionDefinition> DEFINITIONS = List.of(
            new PermissionDefinition(READ, "See the catalogue of backups: when, size, state, what each holds", false),
            new PermissionDefinition(MANAGE, "Take, verify and delete backups", false),
            new PermissionDefinition(RESTORE,
                    "Restore a backup, replacing every record of the CRM, and end maintenance mode", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }
}
