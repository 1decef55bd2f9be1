package org.bastion.crm.crypto.internal;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The crypto bundle's part of every backup: the data keys ({@code crm_data_key}, each wrapped by the master key) and
 * the public signing keys ({@code crm_signing_key}), both merged on restore, never replaced: versions are never deleted,
 * and data written after the backup may depend on a version the backup lacks.
 *
 * <p>Not in data backups: {@code crm_record_key}, the per-record keys, kept in a separate key backup
 * ({@link org.bastion.crm.api.crypto.RecordKeyBackup}) so that a record erased after a backup stays erased when the
 * backup is restored; and {@code crm_key_rotation}, node coordination (its {@code running_purpose} index lets one node
 * run a rotation) and the history of the current key states, which a restore keeps. After a restore the open keyring
 * reads the data keys again and forgets every cached record key.
 */
@Component(service = BackupParticipant.class)
public final class CryptoBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_data_key", "crm_signing_key");

    private final MasterKeyManager manager;
    private final List<Migration> migrations;

    @Activate
    public CryptoBackupParticipant(BundleContext context, @Reference CryptoSchema schema,
                                   @Reference MasterKeyManager manager) {
        this(manager, SchemaMigrator.scriptsOf(context.getBundle(), CryptoSchema.SCRIPT_FOLDER));
    }

    CryptoBackupParticipant(MasterKeyManager manager, List<Migration> migrations) {
        this.manager = manager;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return CryptoSchema.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Set<String> mergedTables() {
        return Set.copyOf(TABLES);
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }

    @Override
    public void afterRestore() {
        manager.reloadAfterRestore();
    }
}
