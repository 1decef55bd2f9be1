package org.bastion.crm.crypto.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.backup.ArchiveKeys;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.BlindIndex;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.RecordKeyCache;
import org.bastion.crm.crypto.internal.keys.RecordKeys;
import org.bastion.crm.crypto.internal.keys.SigningKeyring;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.rotation.KeyInventory;
import org.bastion.crm.crypto.internal.rotation.RotationParticipants;
import org.bastion.crm.crypto.internal.rotation.RotationRunner;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The unlocked key hierarchy: data keys unwrapped in memory, record keys and their cache, blind indexes and
 * rotations. A plain object, not a service: the {@link MasterKeyManager} opens one when the keys unlock and holds it
 * until they lock, so it appears and disappears without any service event (and so without taking any SCR lock); on
 * {@link #close()} it stops its rotation executor (the rotation in progress stays RUNNING and resumes at the next
 * opening) and wipes every key it holds.
 */
public final class Keyring {

    private static final System.Logger LOG = System.getLogger(Keyring.class.getName());
    private static final long STOP_WAIT_SECONDS = 30;

    private final MasterKeys master;
    private final Transactions transactions;
    private final RotationParticipants participants;
    private final DataKeys dataKeys;
    private final RecordKeyCache cache;
    private final RecordKeys recordKeys;
    private final SigningKeyring signingKeys;
    private final ArchiveKeys archiveKeys;
    private final RotationRunner rotations;
    private final ExecutorService ownExecutor;

    /**
     * Loads and unwraps the data keys and resumes the rotations left RUNNING. With {@code executor} null, the keyring
     * runs rotations on a daemon thread of its own, stopped by {@link #close()}.
     *
     * @throws SQLException when the data keys cannot be read
     * @throws InvalidCipherTextException when a data key does not unwrap (the master key manager checked them all)
     */
    Keyring(MasterKeys master, Transactions transactions, RotationParticipants participants, CryptoEvents events,
            CryptoSettings settings, Executor executor) throws SQLException, InvalidCipherTextException {
        this.master = master;
        this.transactions = transactions;
        this.participants = participants;
        this.dataKeys = DataKeys.load(transactions.inCallerContext(DataKeyRepository::all), master);
        this.cache = new RecordKeyCache(settings.recordKeyCacheSize());
        this.recordKeys = new RecordKeys(transactions, dataKeys, cache, events);
        this.signingKeys = new SigningKeyring(transactions, dataKeys, master);
        this.archiveKeys = new ArchiveKeys(dataKeys, master);
        this.ownExecutor = executor == null ? Executors.newSingleThreadExecutor(Keyring::rotationThread) : null;
        this.rotations = new RotationRunner(transactions, dataKeys, master, participants, events,
                executor == null ? ownExecutor : executor, settings.rotationBatchSize());
        try {
            rotations.resumeRunning();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Applies changed cache and batch sizes. */
    void reconfigure(CryptoSettings settings) {
        cache.resize(settings.recordKeyCacheSize());
        rotations.batchSize(settings.rotationBatchSize());
    }

    /** Stops the rotations (waiting for a batch in progress) and wipes every key; the keyring is unusable after. */
    void close() {
        rotations.stop();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                if (!ownExecutor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "A key rotation batch is still running; wiping the keys anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        recordKeys.close();
        dataKeys.wipe();
    }

    /**
     * Reads the data keys again from the database (after a restore merged the backup's into them) and forgets every
     * cached record key and signing key check.
     *
     * @throws SQLException when the data keys cannot be read
     * @throws InvalidCipherTextException when a data key does not unwrap with this keystore
     */
    public void reloadDataKeys() throws SQLException, InvalidCipherTextException {
        dataKeys.replaceWith(DataKeys.load(transactions.inNewTransaction(DataKeyRepository::all), master));
        cache.clear();
        signingKeys.forgetChecks();
    }

    /** The record keys and their ciphers. */
    public RecordKeys recordKeys() {
        return recordKeys;
    }

    /** The private signing keys (audit-signing) and their signatures. */
    public SigningKeyring signingKeys() {
        return signingKeys;
    }

    /** The keys of backup archives. */
    public ArchiveKeys archiveKeys() {
        return archiveKeys;
    }

    /** The blind-index tokens of a term, one per live blind-index key version. */
    public List<BlindToken> blindTokens(String domain, String normalisedTerm) {
        return BlindIndex.tokens(dataKeys, domain, normalisedTerm);
    }

    /** Every key version, master first. */
    public List<DataKeyInfo> keys() {
        try {
            return KeyInventory.list(transactions, master, participants);
        } catch (SQLException e) {
            throw new StorageException("listing the keys", e);
        }
    }

    /** Starts (or resumes) a rotation of {@code purpose}. */
    public KeyRotation rotate(KeyPurpose purpose) {
        return rotations.start(purpose);
    }

    /** The record key cache (for tests and diagnostics). */
    RecordKeyCache cache() {
        return cache;
    }

    private static Thread rotationThread(Runnable task) {
        Thread thread = new Thread(task, "crm-crypto-rotation");
        thread.setDaemon(true);
        return thread;
    }
}
