package org.bastion.crm.backup.internal.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.backup.internal.archive.ArchiveFiles;
import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.archive.AtomicArchive;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.bastion.crm.backup.internal.tables.TableRows;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The {@link BackupEngine} on the {@code crm} datasource: archives encrypted under {@link BackupKeys}, record keys kept
 * apart through {@link RecordKeyBackup}, verify into scratch databases of H2's {@link DataSourceFactory}.
 */
@Component(service = BackupEngine.class)
public final class DefaultBackupEngine implements BackupEngine {

    private final BackupWriting writing;
    private final ArchiveScan scan;
    private final Verification verification;
    private final Restoration restoration;
    private final KeyBackupFile keyBackup;

    /** The engine in the container; the product version is the bundle's. */
    @Activate
    public DefaultBackupEngine(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference BackupKeys backupKeys, @Reference RecordKeyBackup recordKeys,
            @Reference(target = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)")
            DataSourceFactory h2) {
        this(dataSource, backupKeys, recordKeys, new H2ScratchDatabases(h2), ArchiveFiles.LOCAL, Clock.systemUTC(),
                context.getBundle().getVersion().toString());
    }

    /** The engine with every collaborator given (tests). */
    DefaultBackupEngine(DataSource dataSource, BackupKeys backupKeys, RecordKeyBackup recordKeys,
            ScratchDatabases scratchDatabases, ArchiveFiles files, Clock clock, String productVersion) {
        SealedKeys keys = new SealedKeys(backupKeys);
        AtomicArchive atomic = new AtomicArchive(files);
        this.scan = new ArchiveScan(keys);
        this.writing = new BackupWriting(dataSource, keys, atomic, clock, productVersion);
        this.verification = new Verification(scan, scratchDatabases);
        this.restoration = new Restoration(dataSource, scan);
        this.keyBackup = new KeyBackupFile(recordKeys, keys, atomic, scan, clock, productVersion);
    }

    @Override
    public Written backup(Path directory, String trigger, List<BackupParticipant> participants,
            BackupProgress progress) {
        return writing.backup(directory, trigger, participants, progress);
    }

    @Override
    public BackupManifest read(Path file, BackupProgress progress) {
        long[] done = {0};
        return scan.scan(file, ArchiveFormat.KIND_DATA, (participant, table, in) -> {
            TableRows rows = new TableRows(in);
            rows.skipRest();
            done[0] += rows.rows();
            progress.advanced(table.part(), done[0], -1);
            return rows.rows();
        }, Reason.DAMAGED);
    }

    @Override
    public BackupManifest verify(Path file, List<BackupParticipant> participants, BackupProgress progress) {
        return verification.verify(file, participants, progress);
    }

    @Override
    public Restored restore(Path file, List<BackupParticipant> participants, BackupProgress progress) {
        BackupManifest manifest = read(file, progress);
        return restoration.restore(file, manifest, participants, progress);
    }

    @Override
    public long writeKeyBackup(Path directory) {
        return keyBackup.write(directory);
    }

    @Override
    public long restoreKeyBackup(Path directory) {
        return keyBackup.restore(directory);
    }
}
