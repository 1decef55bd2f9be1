package org.bastion.crm.security.internal;

import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.bastion.crm.security.internal.user.UserDirectoryImpl;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The security bundle's part of every backup: the users, their roles and their 2FA recovery codes (the TOTP secret is
 * a column of {@code crm_user}, encrypted under the user's record key), so that every login of the backup works again.
 *
 * <p>Not backed up: {@code crm_session} (a restore must never bring back a session that was ended since the backup;
 * as the restore replaces {@code crm_user}, the foreign key's cascade ends every session, so everyone logs in again),
 * and {@code crm_login_lock} and {@code crm_address_refusal}, the lockouts and refused addresses in force, which are
 * node coordination (every node reads them before a credential check) and protection against an attack under way: a
 * restore keeps them as they are. After a restore the user directory reads the users again and every cached session is
 * forgotten, so a session whose row is gone ends at once.
 */
@Component(service = BackupParticipant.class)
public final class SecurityBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_user", "crm_user_role", "crm_recovery_code");

    private final UserDirectoryImpl directory;
    private final SessionRegistry sessions;
    private final List<Migration> migrations;

    @Activate
    public SecurityBackupParticipant(BundleContext context, @Reference SecurityDatabase database,
            @Reference UserDirectoryImpl directory, @Reference SessionRegistry sessions) {
        this(directory, sessions, SchemaMigrator.scriptsOf(context.getBundle(), SecurityDatabase.SCRIPT_FOLDER));
    }

    /** A participant over these components, with these scripts. */
    public SecurityBackupParticipant(UserDirectoryImpl directory, SessionRegistry sessions, List<Migration> migrations) {
        this.directory = directory;
        this.sessions = sessions;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return SecurityDatabase.COMPONENT;
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
        directory.reloadAll();
        sessions.forgetAll();
    }
}
