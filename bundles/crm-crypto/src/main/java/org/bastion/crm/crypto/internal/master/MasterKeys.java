package org.bastion.crm.crypto.internal.master;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.KeyWrap;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The unlocked master key versions. The master key manager holds this object (and the keyring opened with it) only
 * while the keys are unlocked; it is wiped when the keys lock or the bundle stops.
 */
public final class MasterKeys {

    private final MasterKeyStore store;
    private final Passphrase passphrase;
    private final NavigableMap<Integer, KeyMaterial> keys = new ConcurrentSkipListMap<>();
    private final Map<Integer, Instant> createdAt = new ConcurrentHashMap<>();
    private boolean wiped;

    /** Takes ownership of {@code passphrase} (kept to add versions to the keystore) and of the keys of {@code contents}. */
    public MasterKeys(MasterKeyStore store, Passphrase passphrase, MasterKeyStore.Contents contents) {
        if (contents.keys().isEmpty()) {
            throw new IllegalArgumentException("no master key version");
        }
        this.store = store;
        this.passphrase = passphrase;
        this.keys.putAll(contents.keys());
        this.createdAt.putAll(contents.createdAt());
    }

    /** The version new data keys are wrapped with: the highest. */
    public int currentVersion() {
        return keys.lastKey();
    }

    /** Every version, ascending. */
    public NavigableSet<Integer> versions() {
        return Collections.unmodifiableNavigableSet(keys.navigableKeySet());
    }

    /** When version {@code version} was added to the keystore. */
    public Instant createdAt(int version) {
        return createdAt.get(version);
    }

    /** Where the passphrase came from, for operators. */
    public String passphraseSource() {
        return passphrase.describe();
    }

    /** Wraps a data key with the current version. */
    public Wrapped wrap(KeyMaterial dataKey) {
        int version = currentVersion();
        return new Wrapped(version, KeyWrap.wrap(keys.get(version), dataKey));
    }

    /**
     * Unwraps a data key wrapped by version {@code version}.
     *
     * @throws InvalidCipherTextException when that version is missing, or does not unwrap the bytes
     */
    public KeyMaterial unwrap(int version, byte[] wrapped) throws InvalidCipherTextException {
        KeyMaterial master = keys.get(version);
        if (master == null) {
            throw new InvalidCipherTextException("the keystore has no " + MasterKeyStore.ALIAS_PREFIX + version);
        }
        return KeyWrap.unwrap(master, wrapped);
    }

    /**
     * Adds a new random version to the keystore file (replaced atomically) and makes it current.
     *
     * @return the new version
     */
    public synchronized int rotate() throws IOException, GeneralSecurityException {
        if (wiped) {
            throw new KeyMaterial.KeyWipedException();
        }
        int version = currentVersion() + 1;
        KeyMaterial key = KeyMaterial.random();
        try {
            store.add(passphrase.chars(), version, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            key.wipe();
            throw e;
        }
        createdAt.put(version, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        keys.put(version, key);
        return version;
    }

    /** Zeroes every version and the passphrase. */
    public synchronized void wipe() {
        wiped = true;
        keys.values().forEach(KeyMaterial::wipe);
        passphrase.wipe();
    }

    /**
     * A data key wrapped by a master key version.
     *
     * @param masterVersion the version that wrapped it
     * @param bytes the wrapped key
     */
    public record Wrapped(int masterVersion, byte[] bytes) {
    }
}
