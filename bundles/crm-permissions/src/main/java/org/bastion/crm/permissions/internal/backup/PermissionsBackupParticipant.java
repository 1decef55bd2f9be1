package org.bastion.crm.permissions.internal.backup;

import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.permissions.internal.db.PermissionsDatabase;
import org.bastion.crm.permissions.internal.role.RoleStore;
import org.bastion.crm.permissions.internal.team.TeamStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The permissions bundle's part of every backup: the custom roles and their grants, the teams and their members (all
 * its tables; none is node coordination). The built-in roles are code, not rows. After a restore the role and team
 * tables every permission check reads from memory are read again.
 */
@Component(service = BackupParticipant.class)
public final class PermissionsBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_permission_role", "crm_permission_grant", "crm_team",
            "crm_team_member");

    private final RoleStore roles;
    private final TeamStore teams;
    private final List<Migration> migrations;

    @Activate
    public PermissionsBackupParticipant(BundleContext context, @Reference PermissionsDatabase database,
            @Reference RoleStore roles, @Reference TeamStore teams) {
        this(roles, teams, SchemaMigrator.scriptsOf(context.getBundle(), PermissionsDatabase.SCRIPT_FOLDER));
    }

    /** A participant over these stores, with these scripts. */
    public PermissionsBackupParticipant(RoleStore roles, TeamStore teams, List<Migration> migrations) {
        this.roles = roles;
        this.teams = teams;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return PermissionsDatabase.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }

    @Override
    public void afterRestore() {
        roles.reload();
        teams.reload();
    }
}
