package org.bastion.crm.crypto.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.transaction.TransactionManager;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.JtaTransactions;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.BlindIndex;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.RecordKeyCache;
import org.bastion.crm.crypto.internal.keys.RecordKeys;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.rotation.KeyInventory;
import org.bastion.crm.crypto.internal.rotation.RotationParticipants;
import org.bastion.crm.crypto.internal.rotation.RotationRunner;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The unlocked key hierarchy: data keys unwrapped in memory, record keys and their cache, blind indexes and
 * rotations. It exists only while the {@link MasterKeys} service is registered (the keys are unlocked); when they
 * lock, it stops its rotation executor (the rotation in progress stays RUNNING and resumes at the next activation)
 * and wipes every key it holds.
 */
@Component(service = Keyring.class, immediate = true, configurationPid = CryptoConfiguration.PID)
public final class Keyring {

    private static final System.Logger LOG = System.getLogger(Keyring.class.getName());
    private static final long STOP_WAIT_SECONDS = 30;

    private final MasterKeys master;
    private final Transactions transactions;
    private final RotationParticipants participants;
    private final DataKeys dataKeys;
    private final RecordKeyCache cache;
    private final RecordKeys recordKeys;
    private final RotationRunner rotations;
    private final ExecutorService ownExecutor;

    /**
     * @throws SQLException when the data keys cannot be read, which leaves the keyring down (SCR logs the cause)
     * @throws InvalidCipherTextException when a data key does not unwrap (the master key manager checked them all)
     */
    @Activate
    public Keyring(@Reference MasterKeys master, @Reference CryptoSchema schema,
                   @Reference TransactionManager transactionManager, @Reference RotationParticipants participants,
                   @Reference CryptoEvents events, CryptoConfiguration configuration)
            throws SQLException, InvalidCipherTextException {
        this(master, new JtaTransactions(transactionManager, schema.dataSource()), participants, events,
                CryptoSettings.from(configuration), null);
    }

    /** With {@code executor} null, the keyring runs rotations on a daemon thread of its own, stopped on deactivation. */
    Keyring(MasterKeys master, Transactions transactions, RotationParticipants participants, CryptoEvents events,
            CryptoSettings settings, Executor executor) throws SQLException, InvalidCipherTextException {
        this.master = master;
        this.transactions = transactions;
        this.participants = participants;
        this.dataKeys = DataKeys.load(transactions.inCallerContext(DataKeyRepository::all), master);
        this.cache = new RecordKeyCache(settings.recordKeyCacheSize());
        this.recordKeys = new RecordKeys(transactions, dataKeys, cache, events);
        this.ownExecutor = executor == null ? Executors.newSingleThreadExecutor(Keyring::rotationThread) : null;
        this.rotations = new RotationRunner(transactions, dataKeys, master, participants, events,
                executor == null ? ownExecutor : executor, settings.rotationBatchSize());
        rotations.resumeRunning();
    }

    @Modified
    void modified(CryptoConfiguration configuration) {
        CryptoSettings settings = CryptoSettings.from(configuration);
        cache.resize(settings.recordKeyCacheSize());
        rotations.batchSize(settings.rotationBatchSize());
    }

    @Deactivate
    void deactivate() {
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

    /** The record keys and their ciphers. */
    public RecordKeys recordKeys() {
        return recordKeys;
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
