package org.bastion.crm.backup.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupManifest;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link BackupService}: permission checks, the catalogue, one operation at a time across nodes (the
 * {@link OperationLease}), auditing and the key backup around the {@link BackupEngine}, over every registered
 * {@link BackupParticipant}; restores go through {@link Restorer}. A {@code scheduled} backup runs as the system (the
 * schedules inside this bundle call it); every other one needs the caller's {@code backups:manage}.
 */
@Component(service = BackupService.class, configurationPid = "org.bastion.crm.backup")
public final class BackupCoordinator implements BackupService {

    /** The part of PID {@code org.bastion.crm.backup} this component reads. */
    public @interface Config {
        /** Where backup files are written (relative paths are under the Karaf base directory). */
        String directory() default "data/backups";

        /** Whether each backup is verified right after it is written (decrypt, checksums, scratch load). */
        boolean verifyAfterBackup() default true;
    }

    static final Set<String> TRIGGERS = Set.of("manual", "scheduled", "pre-restore");
    private static final System.Logger LOG = System.getLogger(BackupCoordinator.class.getName());

    private final List<BackupParticipant> participants = new CopyOnWriteArrayList<>();
    private final List<AfterBackup> hooks = new CopyOnWriteArrayList<>();
    private final BackupEngine engine;
    private final Catalogue catalogue;
    private final OperationLease lease;
    private final BackupAccess access;
    private final BackupAudit audit;
    private final Restorer restorer;
    private final Manifests manifests;
    private final Clock clock;
    private final String node;
    private volatile Path directory;
    private volatile boolean verifyAfterBackup = true;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile RecordKeyBackup recordKeys;

    @Activate
    public BackupCoordinator(@Reference BackupEngine engine, @Reference BackupDatabase database,
            @Reference BackupAccess access, @Reference BackupAudit audit, @Reference MaintenanceMode maintenance,
            Config config) {
        this(engine, new Catalogue(database.transactions()),
                new OperationLease(database.transactions(), Clock.systemUTC(), Nodes.name()), access, audit,
                maintenance, Clock.systemUTC(), Nodes.name(), BackupFiles.directory(config.directory()));
        this.verifyAfterBackup = config.verifyAfterBackup();
    }

    BackupCoordinator(BackupEngine engine, Catalogue catalogue, OperationLease lease, BackupAccess access,
            BackupAudit audit, MaintenanceMode maintenance, Clock clock, String node, Path directory) {
        this.engine = engine;
        this.catalogue = catalogue;
        this.lease = lease;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
        this.directory = directory;
        this.manifests = new Manifests(engine, this::directory);
        this.restorer = new Restorer(this, engine, catalogue, lease, access, audit, maintenance, clock, node);
    }

    @Modified
    void modified(Config config) {
        directory = BackupFiles.directory(config.directory());
        verifyAfterBackup = config.verifyAfterBackup();
    }

    /** Turns the verify right after each backup on or off (unit tests; the configuration does it in the container). */
    void verifyAfterBackup(boolean on) {
        verifyAfterBackup = on;
    }

    @Deactivate
    void deactivate() {
        lease.close();
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addParticipant(BackupParticipant participant) {
        participants.add(participant);
    }

    void removeParticipant(BackupParticipant participant) {
        participants.remove(participant);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addHook(AfterBackup hook) {
        hooks.add(hook);
    }

    void removeHook(AfterBackup hook) {
        hooks.remove(hook);
    }

    @Override
    public BackupInfo create(String trigger, BackupProgress progress) {
        if (trigger == null || !TRIGGERS.contains(trigger)) {
            throw new IllegalArgumentException("unknown trigger " + trigger);
        }
        if (!"scheduled".equals(trigger)) {
            access.check(BackupPermissions.MANAGE);
        }
        audit.checkChangesAllowed();
        try (OperationLease.Held held = lease.acquire("backup")) {
            return backupHoldingLease(trigger, progress);
        }
    }

    /** Takes a backup; the caller holds the lease and checked the permission. */
    BackupInfo backupHoldingLease(String trigger, BackupProgress progress) {
        UUID running = UUID.randomUUID();
        catalogue.started(running, trigger, clock.instant(), node);
        Path target = directory;
        BackupEngine.Written written;
        try {
            createWhenMissing(target);
            written = engine.backup(target, trigger, List.copyOf(participants), orNone(progress));
        } catch (BackupFailure failure) {
            catalogue.failed(running, clock.instant(), failure.getMessage());
            audit.record(entry(BackupAudit.FAILED, AuditOutcome.FAILURE, null, trigger)
                    .detail("reason", failure.reason().name()).detail("error", BackupAudit.detail(failure.getMessage())));
            throw BackupProblem.of(failure);
        } catch (RuntimeException e) {
            catalogue.failed(running, clock.instant(), "unexpected failure: " + e.getClass().getSimpleName());
            audit.record(entry(BackupAudit.FAILED, AuditOutcome.FAILURE, null, trigger)
                    .detail("reason", "UNEXPECTED"));
            throw e;
        }
        BackupManifest manifest = written.manifest();
        catalogue.completed(running, manifest.id(), written.file().getFileName().toString(), clock.instant(),
                written.sizeBytes(), manifest.rowCount());
        manifests.put(manifest.id(), manifest);
        String keys = "pre-restore".equals(trigger) ? "unchanged" : writeKeyBackup(target);
        audit.record(entry(BackupAudit.CREATED, AuditOutcome.SUCCESS, manifest.id(), trigger)
                .detail("file", written.file().getFileName()).detail("sizeBytes", written.sizeBytes())
                .detail("rows", manifest.rowCount()).detail("participants", manifest.participants().size())
                .detail("keyBackup", keys));
        BackupInfo info = manifests.withRead(catalogue.find(manifest.id()).orElseThrow());
        for (AfterBackup hook : hooks) {
            try {
                hook.completed(info, written.file());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Backup: a step after backup " + manifest.id() + " failed", e);
            }
        }
        if (verifyAfterBackup && !"pre-restore".equals(trigger)) {
            try {
                return verifyChecked(manifest.id(), BackupProgress.NONE);
            } catch (BackupProblem damaged) {
                // recorded in the catalogue (DAMAGED) and the audit trail; the backup itself was written
                LOG.log(System.Logger.Level.WARNING, "Backup " + manifest.id() + " does not verify: "
                        + damaged.getMessage());
                return manifests.withRead(catalogue.find(manifest.id()).orElseThrow());
            }
        }
        return info;
    }

    /** Creates the backup directory (the default {@code data/backups} on a first backup); the engine names what fails. */
    private static void createWhenMissing(Path target) {
        if (!Files.exists(target)) {
            try {
                Files.createDirectories(target);
            } catch (IOException | SecurityException cannotCreate) {
                LOG.log(System.Logger.Level.DEBUG, "Backup: " + target + " cannot be created: " + cannotCreate);
            }
        }
    }

    private String writeKeyBackup(Path target) {
        try {
            return engine.writeKeyBackup(target) + " keys";
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Backup: the key backup in " + target + " could not be rewritten: "
                    + e.getMessage() + " (records erased since the last key backup stay readable in a restore of it)");
            return "failed: " + e.getMessage();
        }
    }

    private org.bastion.crm.api.audit.AuditEntry.Builder entry(String action, AuditOutcome outcome, UUID id,
            String trigger) {
        var builder = BackupAudit.entry(action, outcome, id).detail("trigger", trigger);
        return "scheduled".equals(trigger) ? builder.actor(AuditActor.SYSTEM) : builder;
    }

    @Override
    public List<BackupInfo> list() {
        access.check(BackupPermissions.READ);
        return catalogue.list().stream().map(manifests::withKnown).toList();
    }

    @Override
    public Optional<BackupInfo> get(UUID id) {
        access.check(BackupPermissions.READ);
        return catalogue.find(id).map(manifests::withRead);
    }

    @Override
    public BackupInfo verify(UUID id, BackupProgress progress) {
        access.check(BackupPermissions.MANAGE);
        return verifyChecked(id, progress);
    }

    /** Verifies a backup of the catalogue; the caller checked the permission (or is the backup that wrote it). */
    private BackupInfo verifyChecked(UUID id, BackupProgress progress) {
        BackupInfo backup = completed(id);
        Path file = BackupFiles.fileOf(directory, backup);
        try {
            if (!Files.isRegularFile(file)) {
                throw new BackupFailure(BackupFailure.Reason.DAMAGED, "the file " + backup.fileName()
                        + " is missing from the backup directory");
            }
            BackupManifest manifest = engine.verify(file, List.copyOf(participants), orNone(progress));
            manifests.put(id, manifest);
            catalogue.verified(id, Catalogue.VERIFIED, clock.instant(), manifest.rowCount() + " rows of "
                    + manifest.participants().size() + " participants checked and loaded");
            audit.record(BackupAudit.entry(BackupAudit.VERIFIED, AuditOutcome.SUCCESS, id)
                    .detail("rows", manifest.rowCount()));
            return manifests.withRead(catalogue.find(id).orElseThrow());
        } catch (BackupFailure failure) {
            if (failure.reason().status() == 422) {
                String detail = failure.part() == null ? failure.getMessage()
                        : failure.getMessage() + " (part " + failure.part() + ")";
                catalogue.verified(id, Catalogue.DAMAGED, clock.instant(), detail);
            }
            audit.record(BackupAudit.entry(BackupAudit.VERIFY_FAILED, AuditOutcome.FAILURE, id)
                    .detail("reason", failure.reason().name()).detail("part", failure.part())
                    .detail("error", BackupAudit.detail(failure.getMessage())));
            throw BackupProblem.of(failure);
        }
    }

    @Override
    public BackupEngine.Restored restore(UUID id, BackupProgress progress) {
        return restorer.restore(id, orNone(progress));
    }

    @Override
    public BackupEngine.Restored restoreFile(Path file, BackupProgress progress) {
        return restorer.restoreFile(file, orNone(progress));
    }

    @Override
    public void delete(UUID id) {
        access.check(BackupPermissions.MANAGE);
        audit.checkChangesAllowed();
        try (OperationLease.Held held = lease.acquire("delete")) {
            BackupInfo backup = catalogue.find(id).filter(b -> !Catalogue.DELETED.equals(b.state()))
                    .orElseThrow(() -> new NotFoundException("backup", id));
            if (Catalogue.RUNNING.equals(backup.state())) {
                throw new ConflictException("backup " + id + " is still running");
            }
            if (backup.fileName() != null) {
                Files.deleteIfExists(BackupFiles.fileOf(directory, backup));
            }
            catalogue.deleted(id);
            manifests.remove(id);
            audit.record(BackupAudit.entry(BackupAudit.DELETED, AuditOutcome.SUCCESS, id)
                    .detail("file", backup.fileName()));
        } catch (IOException e) {
            throw BackupProblem.of(BackupFailure.Reason.STORAGE, "the backup file cannot be deleted: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    @Override
    public Path directory() {
        return directory;
    }

    /** The participants registered now. */
    List<BackupParticipant> participants() {
        return List.copyOf(participants);
    }

    /** The record keys service, or null while crm-crypto is not there. */
    RecordKeyBackup recordKeys() {
        return recordKeys;
    }

    /** A backup of the catalogue with a file: 404 when unknown or deleted, 409 when running or failed. */
    BackupInfo completed(UUID id) {
        BackupInfo backup = catalogue.find(id).filter(b -> !Catalogue.DELETED.equals(b.state()))
                .orElseThrow(() -> new NotFoundException("backup", id));
        if (!Catalogue.COMPLETED.equals(backup.state())) {
            throw new ConflictException("backup " + id + " is " + backup.state() + ": it has no complete file");
        }
        return backup;
    }

    private static BackupProgress orNone(BackupProgress progress) {
        return progress == null ? BackupProgress.NONE : progress;
    }
}
