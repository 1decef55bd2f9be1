package org.bastion.crm.crypto.internal.rotation;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.RecordKeyRepository;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.DataKeyFactory;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.support.jdbc.SqlWork;

/**
 * Starts key rotations and runs their background part on one executor, one batch per task, so that a stop between
 * batches leaves a rotation RUNNING in {@code crm_key_rotation}, to be resumed by {@link #resumeRunning()} at the next
 * activation. FIELD and BLIND_INDEX rotations move data in the background; BACKUP, MASTER ({@link MasterRotation}) and
 * AUDIT_SIGNING ({@link SigningRotation}) complete at once. Starting a rotation whose latest run FAILED resumes that run.
 */
public final class RotationRunner {

    private static final System.Logger LOG = System.getLogger(RotationRunner.class.getName());

    private final Transactions transactions;
    private final DataKeys dataKeys;
    private final MasterKeys master;
    private final RotationParticipants participants;
    private final RotationEvents events;
    private final Executor executor;
    private volatile int batchSize;
    private volatile boolean stopped;

    public RotationRunner(Transactions transactions, DataKeys dataKeys, MasterKeys master,
                          RotationParticipants participants, RotationEvents events, Executor executor, int batchSize) {
        this.transactions = transactions;
        this.dataKeys = dataKeys;
        this.master = master;
        this.participants = participants;
        this.events = events;
        this.executor = executor;
        this.batchSize = Math.max(1, batchSize);
    }

    /** Changes how many items later batches move. */
    public void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    /**
     * Starts (or resumes, after a failure) a rotation of {@code purpose}.
     *
     * @throws ConflictException when one of that purpose is running, here or on another node sharing the database
     *         (the unique claim in {@code crm_key_rotation.running_purpose} decides between concurrent starts)
     */
    public synchronized KeyRotation start(KeyPurpose purpose) {
        Optional<KeyRotation> latest = sql("reading key rotations", c -> RotationRepository.latest(c, purpose));
        if (latest.isPresent() && latest.get().state() == KeyRotation.State.RUNNING) {
            throw new ConflictException("a " + purpose.wireName() + " key rotation is already running ("
                    + latest.get().id() + ")");
        }
        try {
            if (latest.isPresent() && latest.get().state() == KeyRotation.State.FAILED && resumable(latest.get())) {
                return resume(latest.get());
            }
            return switch (purpose) {
                case MASTER -> masterRotation().start();
                case BACKUP -> rotateBackup();
                case FIELD, BLIND_INDEX -> startMigration(purpose);
                case AUDIT_SIGNING -> new SigningRotation(this, dataKeys, master).start(purpose);
            };
        } catch (StorageException e) {
            if (isIntegrityViolation(e.getCause())) {
                throw new ConflictException("a " + purpose.wireName() + " key rotation was started meanwhile"
                        + " (by another node); nothing was rotated");
            }
            throw e;
        }
    }

    /** Whether the database refused the write for a constraint: another node claimed the purpose or the version. */
    private static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** Resumes the rotations left RUNNING by an earlier activation. */
    public void resumeRunning() {
        for (KeyRotation rotation : sql("reading key rotations", c -> RotationRepository.inState(c, KeyRotation.State.RUNNING))) {
            LOG.log(System.Logger.Level.INFO, "Resuming " + describe(rotation));
            launch(rotation);
        }
    }

    /** Stops scheduling batches; the rotations in progress stay RUNNING. */
    public void stop() {
        stopped = true;
    }

    private boolean resumable(KeyRotation failed) {
        return switch (failed.purpose()) {
            case MASTER -> true;
            case BACKUP, AUDIT_SIGNING -> false;
            case FIELD, BLIND_INDEX -> dataKeys.activeVersion(failed.purpose()) == failed.toVersion();
        };
    }

    private KeyRotation resume(KeyRotation failed) {
        sql("resuming a key rotation", c -> {
            RotationRepository.setState(c, failed.id(), KeyRotation.State.RUNNING, null, null);
            events.starting(failed);
            return null;
        });
        KeyRotation running = reread(failed);
        events.rotation("STARTED", running);
        return launch(running);
    }

    private KeyRotation launch(KeyRotation rotation) {
        switch (rotation.purpose()) {
            case MASTER -> {
                return masterRotation().finish(rotation);
            }
            case FIELD -> schedule(new FieldRotationJob(transactions, dataKeys, rotation), rotation);
            case BLIND_INDEX -> schedule(new BlindIndexRotationJob(transactions, dataKeys, participants, rotation), rotation);
            case BACKUP, AUDIT_SIGNING -> LOG.log(System.Logger.Level.DEBUG, "Nothing to resume for " + describe(rotation));
        }
        return rotation;
    }

    private KeyRotation rotateBackup() {
        int from = dataKeys.activeVersion(KeyPurpose.BACKUP);
        int to = newestVersion(KeyPurpose.BACKUP) + 1;
        Instant now = now();
        KeyRotation rotation = new KeyRotation(UUID.randomUUID(), KeyPurpose.BACKUP, from, to,
                KeyRotation.State.COMPLETED, 0, 0, now, now, null);
        KeyMaterial[] made = new KeyMaterial[1];
        sql("rotating the backup key", c -> {
            made[0] = DataKeyFactory.create(c, master, KeyPurpose.BACKUP, to, KeyState.ACTIVE);
            DataKeyRepository.setState(c, KeyPurpose.BACKUP, from, KeyState.RETIRED, now);
            RotationRepository.insert(c, rotation);
            events.starting(rotation);
            return null;
        }, made);
        dataKeys.add(KeyPurpose.BACKUP, to, KeyState.ACTIVE, made[0]);
        dataKeys.setState(KeyPurpose.BACKUP, from, KeyState.RETIRED);
        events.rotation("STARTED", rotation);
        events.rotation("COMPLETED", rotation);
        LOG.log(System.Logger.Level.INFO, describe(rotation) + " completed");
        return rotation;
    }

    private KeyRotation startMigration(KeyPurpose purpose) {
        int from = dataKeys.activeVersion(purpose);
        int to = newestVersion(purpose) + 1;
        long participantItems = purpose == KeyPurpose.BLIND_INDEX ? participants.countOlderThan(purpose, to) : 0;
        KeyMaterial[] made = new KeyMaterial[1];
        KeyRotation rotation = sql("starting a " + purpose.wireName() + " key rotation", c -> {
            made[0] = DataKeyFactory.create(c, master, purpose, to, KeyState.ACTIVE);
            DataKeyRepository.setState(c, purpose, from, KeyState.RETIRING, null);
            long total = purpose == KeyPurpose.FIELD ? RecordKeyRepository.countOlderThan(c, to) : participantItems;
            KeyRotation started = new KeyRotation(UUID.randomUUID(), purpose, from, to, KeyRotation.State.RUNNING,
                    total, 0, now(), null, null);
            RotationRepository.insert(c, started);
            events.starting(started);
            return started;
        }, made);
        dataKeys.add(purpose, to, KeyState.ACTIVE, made[0]);
        dataKeys.setState(purpose, from, KeyState.RETIRING);
        events.rotation("STARTED", rotation);
        LOG.log(System.Logger.Level.INFO, describe(rotation) + " started: " + rotation.total() + " items to move");
        return launch(rotation);
    }

    private void schedule(RotationJob job, KeyRotation rotation) {
        try {
            executor.execute(() -> step(job, rotation));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.INFO, describe(rotation) + " paused (stopping); it resumes at the next start");
        }
    }

    private void step(RotationJob job, KeyRotation rotation) {
        if (stopped) {
            return;
        }
        try {
            if (job.step(batchSize) >= 0 || !job.complete()) {
                schedule(job, rotation);
                return;
            }
            events.rotation("COMPLETED", reread(rotation));
            LOG.log(System.Logger.Level.INFO, describe(rotation) + " completed");
        } catch (KeyMaterial.KeyWipedException e) {
            LOG.log(System.Logger.Level.INFO, describe(rotation) + " paused: the keys were locked; it resumes at the next unlock");
        } catch (Exception | LinkageError | AssertionError e) {
            if (stopped) {
                LOG.log(System.Logger.Level.INFO, describe(rotation) + " paused while stopping: " + e);
                return;
            }
            fail(rotation, e);
        }
    }

    KeyRotation fail(KeyRotation rotation, Throwable error) {
        String reason = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        LOG.log(System.Logger.Level.WARNING, describe(rotation) + " failed; rotate again to resume: " + reason, error);
        Instant finished = now();
        KeyRotation failed = new KeyRotation(rotation.id(), rotation.purpose(), rotation.fromVersion(),
                rotation.toVersion(), KeyRotation.State.FAILED, rotation.total(), rotation.done(), rotation.startedAt(),
                finished, reason);
        try {
            sql("recording a failed key rotation", c -> {
                RotationRepository.setState(c, rotation.id(), KeyRotation.State.FAILED, finished, reason);
                return null;
            });
            failed = reread(failed);
        } catch (StorageException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot record the failure of " + describe(rotation), e);
        }
        events.rotation("FAILED", failed);
        return failed;
    }

    KeyRotation reread(KeyRotation rotation) {
        return sql("reading a key rotation", c -> RotationRepository.find(c, rotation.id())).orElse(rotation);
    }

    <T> T sql(String what, SqlWork<T> work) {
        return sql(what, work, new KeyMaterial[0]);
    }

    private <T> T sql(String what, SqlWork<T> work, KeyMaterial[] madeKeys) {
        try {
            return transactions.inNewTransaction(work);
        } catch (SQLException | RuntimeException e) {
            for (KeyMaterial key : madeKeys) {
                if (key != null) {
                    key.wipe();
                }
            }
            if (e instanceof SQLException sqlException) {
                throw new StorageException(what, sqlException);
            }
            throw (RuntimeException) e;
        }
    }

    private int newestVersion(KeyPurpose purpose) {
        List<DataKeys.Version> versions = dataKeys.versions(purpose);
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }

    private MasterRotation masterRotation() {
        return new MasterRotation(this, master);
    }

    /** Now, to the microsecond that both H2 and PostgreSQL keep, so a rotation reads back as it was made. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static String describe(KeyRotation rotation) {
        return "Key rotation " + rotation.purpose().wireName() + " v" + rotation.fromVersion() + " -> v"
                + rotation.toVersion() + " (" + rotation.id() + ")";
    }

    RotationEvents events() {
        return events;
    }
}
