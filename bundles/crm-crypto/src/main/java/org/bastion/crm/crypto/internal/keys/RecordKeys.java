package org.bastion.crm.crypto.internal.keys;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.crypto.internal.db.RecordKeyRepository;
import org.bastion.crm.crypto.internal.db.RecordKeyRow;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The record keys: made at random, wrapped by the ACTIVE field data key and stored in the caller's transaction,
 * unwrapped with the field key version their row names (so reads go on during a rotation), cached unwrapped, and
 * destroyed for crypto-shredding.
 */
public final class RecordKeys {

    private static final System.Logger LOG = System.getLogger(RecordKeys.class.getName());

    /** The field name reported when a record's wrapped key itself fails its integrity check. */
    public static final String KEY_FIELD = "(record key)";

    private final Transactions transactions;
    private final DataKeys dataKeys;
    private final RecordKeyCache cache;
    private final RecordKeyEvents failures;
    private volatile boolean closed;
    private volatile boolean warnedAboutCacheSize;

    public RecordKeys(Transactions transactions, DataKeys dataKeys, RecordKeyCache cache, RecordKeyEvents failures) {
        this.transactions = transactions;
        this.dataKeys = dataKeys;
        this.cache = cache;
        this.failures = failures;
    }

    /** Creates, wraps and stores the key of a new record (in the caller's transaction) and returns its cipher. */
    public RecordCipher create(RecordRef record) {
        ensureOpen();
        KeyMaterial key = KeyMaterial.random();
        int version = dataKeys.activeVersion(KeyPurpose.FIELD);
        byte[] wrapped = KeyWrap.wrap(dataKeys.material(KeyPurpose.FIELD, version), key);
        try {
            transactions.inCallerContext(connection -> {
                RecordKeyRepository.insert(connection, new RecordKeyRow(record.kind(), record.id(), version, wrapped),
                        Instant.now());
                return null;
            });
        } catch (SQLException e) {
            key.wipe();
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new ConflictException("record " + record + " already has a key");
            }
            throw new StorageException("storing the key of " + record, e);
        }
        cache.put(record, key);
        transactions.afterCompletion(committed -> {
            if (!committed) {
                cache.invalidate(record);
            }
        });
        return cipher(record, key);
    }

    /** The cipher of an existing record; {@link NotFoundException} when it has no key. */
    public RecordCipher cipher(RecordRef record) {
        return cipher(record, load(record));
    }

    /** The ciphers of the records of {@code kind} with these ids that have a key; missing keys load in one query per 500. */
    public Map<String, RecordCipher> ciphers(String kind, Collection<String> ids) {
        ensureOpen();
        Map<String, RecordCipher> ciphers = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            RecordRef record = new RecordRef(kind, id);
            KeyMaterial cached = cache.get(record);
            if (cached != null) {
                ciphers.put(id, cipher(record, cached));
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            warnIfLargerThanTheCache(ciphers.size() + missing.size());
            long seen = cache.invalidations();
            Map<String, RecordKeyRow> rows = read("reading record keys of kind " + kind,
                    () -> transactions.inCallerContext(c -> RecordKeyRepository.findAll(c, kind, missing)));
            for (RecordKeyRow row : rows.values()) {
                RecordRef record = new RecordRef(kind, row.id());
                ciphers.put(row.id(), cipher(record, cache.putLoaded(record, unwrap(record, row), seen)));
            }
        }
        return ciphers;
    }

    /**
     * Destroys a record's key (in the caller's transaction); whether it had one. Once the destruction commits,
     * {@link RecordKeyEvents#destroyed(long)} reports it (the key backup is rewritten on it).
     */
    public boolean destroy(RecordRef record) {
        ensureOpen();
        boolean deleted = read("destroying the key of " + record,
                () -> transactions.inCallerContext(c -> RecordKeyRepository.delete(c, record.kind(), record.id())));
        cache.invalidate(record);
        // a reader may re-cache the key before the caller's transaction commits the delete: drop it again at the end
        transactions.afterCompletion(committed -> {
            cache.invalidate(record);
            if (committed && deleted) {
                failures.destroyed(1);
            }
        });
        return deleted;
    }

    /** Stops serving keys and wipes the cache (the keys locked or the bundle stops). */
    public void close() {
        closed = true;
        cache.clear();
    }

    private void warnIfLargerThanTheCache(int keys) {
        if (keys > cache.capacity() && !warnedAboutCacheSize) {
            warnedAboutCacheSize = true;
            LOG.log(System.Logger.Level.WARNING, "One call asked for " + keys + " record keys, more than recordKeyCacheSize ("
                    + cache.capacity() + "): keys evicted before their cipher is used are read again one by one;"
                    + " raise recordKeyCacheSize above the largest batch");
        }
    }

    private KeyMaterial load(RecordRef record) {
        ensureOpen();
        KeyMaterial cached = cache.get(record);
        if (cached != null) {
            return cached;
        }
        long seen = cache.invalidations();
        Optional<RecordKeyRow> row = read("reading the key of " + record,
                () -> transactions.inCallerContext(c -> RecordKeyRepository.find(c, record.kind(), record.id())));
        if (row.isEmpty()) {
            throw new NotFoundException("record key", record);
        }
        return cache.putLoaded(record, unwrap(record, row.get()), seen);
    }

    private KeyMaterial unwrap(RecordRef record, RecordKeyRow row) {
        try {
            return KeyWrap.unwrap(dataKeys.material(KeyPurpose.FIELD, row.keyVersion()), row.wrapped());
        } catch (InvalidCipherTextException | IllegalStateException e) {
            throw failures.failed(record, KEY_FIELD);
        }
    }

    private RecordCipher cipher(RecordRef record, KeyMaterial key) {
        return new GcmRecordCipher(record, key, () -> load(record), failures);
    }

    private void ensureOpen() {
        if (closed) {
            throw new KeysLockedException("The encryption keys are locked: they were locked while in use");
        }
    }

    private static <T> T read(String what, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StorageException(what, e);
        }
    }

    /** A database call. */
    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }
}
