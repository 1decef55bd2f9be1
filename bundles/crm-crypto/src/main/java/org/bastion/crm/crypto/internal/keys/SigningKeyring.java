package org.bastion.crm.crypto.internal.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.db.SigningKeyRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The private halves of the signing keys while the keys are unlocked. Signs with the ACTIVE version the database holds
 * now (so a rotation made on another node is followed at the next signature), making version 1 on first use, and
 * unwraps a version this node has not loaded yet. Before a version first signs here, its stored public key is checked
 * against its private key, so a public key replaced in the database is noticed rather than published.
 */
public final class SigningKeyring {

    /** The purposes whose keys sign rather than encrypt. */
    public static final Set<KeyPurpose> SIGNING_PURPOSES = EnumSet.of(KeyPurpose.AUDIT_SIGNING);

    private static final System.Logger LOG = System.getLogger(SigningKeyring.class.getName());

    private final Transactions transactions;
    private final DataKeys dataKeys;
    private final MasterKeys master;
    private final Set<Integer> checkedVersions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SigningKeyring(Transactions transactions, DataKeys dataKeys, MasterKeys master) {
        this.transactions = transactions;
        this.dataKeys = dataKeys;
        this.master = master;
    }

    /**
     * Creates and stores version {@code version} of signing purpose {@code purpose}, ACTIVE: its seed wrapped in
     * {@code crm_data_key}, its public key in {@code crm_signing_key}.
     *
     * @return the seed, owned by the caller
     */
    public static KeyMaterial create(Connection connection, MasterKeys master, KeyPurpose purpose, int version)
            throws SQLException {
        Ed25519.Pair pair = Ed25519.generate();
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            MasterKeys.Wrapped wrapped = master.wrap(pair.seed());
            DataKeyRepository.insert(connection, new DataKeyRow(purpose, version, wrapped.masterVersion(),
                    wrapped.bytes(), KeyState.ACTIVE, now, null));
            SigningKeyRepository.insertPublicKey(connection, purpose, version, pair.publicKey(), now);
            return pair.seed();
        } catch (SQLException | RuntimeException e) {
            pair.seed().wipe();
            throw e;
        }
    }

    /**
     * Signs {@code data} with the current version of {@code purpose}.
     *
     * @throws IllegalArgumentException when {@code purpose} is not a signing purpose
     * @throws IntegrityException when the stored public key is not that of the private key
     */
    public SigningKeys.Signature sign(KeyPurpose purpose, byte[] data) {
        requireSigning(purpose);
        int version = currentVersion(purpose);
        KeyMaterial seed = seed(purpose, version);
        return new SigningKeys.Signature(version, Ed25519.sign(seed, data));
    }

    /** Whether {@code purpose} is a signing purpose. */
    public static boolean isSigning(KeyPurpose purpose) {
        return purpose != null && SIGNING_PURPOSES.contains(purpose);
    }

    /** @throws IllegalArgumentException when {@code purpose} is not a signing purpose */
    public static void requireSigning(KeyPurpose purpose) {
        if (!isSigning(purpose)) {
            throw new IllegalArgumentException((purpose == null ? "null" : purpose.wireName()) + " is not a signing key purpose");
        }
    }

    /** Forgets which public keys were checked against their private keys (the tables were restored). */
    public void forgetChecks() {
        checkedVersions.clear();
    }

    private int currentVersion(KeyPurpose purpose) {
        OptionalInt active = sql("reading the signing keys", c -> SigningKeyRepository.activeVersion(c, purpose),
                false);
        return active.isPresent() ? active.getAsInt() : createFirst(purpose);
    }

    private synchronized int createFirst(KeyPurpose purpose) {
        KeyMaterial[] made = new KeyMaterial[1];
        try {
            int version = sql("making the first " + purpose.wireName() + " key", c -> {
                OptionalInt newest = SigningKeyRepository.newestVersion(c, purpose);
                if (newest.isPresent()) {
                    return SigningKeyRepository.activeVersion(c, purpose).orElse(newest.getAsInt());
                }
                made[0] = create(c, master, purpose, 1);
                return 1;
            }, true);
            if (made[0] != null) {
                dataKeys.add(purpose, version, KeyState.ACTIVE, made[0]);
                checkedVersions.add(version);
                LOG.log(System.Logger.Level.INFO, "Created the first " + purpose.wireName() + " key (Ed25519, v1)");
            }
            return version;
        } catch (StorageException e) {
            if (made[0] != null) {
                made[0].wipe();
            }
            // another node made it at the same moment: use theirs
            OptionalInt active = sql("reading the signing keys", c -> SigningKeyRepository.activeVersion(c, purpose), false);
            if (active.isPresent()) {
                return active.getAsInt();
            }
            throw e;
        }
    }

    private synchronized KeyMaterial seed(KeyPurpose purpose, int version) {
        KeyMaterial seed = loaded(purpose, version);
        if (seed == null) {
            DataKeyRow row = sql("reading a signing key", c -> SigningKeyRepository.dataKey(c, purpose, version), false)
                    .orElseThrow(() -> new IllegalStateException("no " + purpose.wireName() + " key version " + version));
            try {
                seed = master.unwrap(row.masterVersion(), row.wrapped());
            } catch (InvalidCipherTextException e) {
                throw new IntegrityException("the " + row.id() + " key does not unwrap with the master key");
            }
            dataKeys.add(purpose, version, row.state(), seed);
        }
        if (!checkedVersions.contains(version)) {
            byte[] publicKey = sql("reading a public key", c -> SigningKeyRepository.publicKey(c, purpose, version), false)
                    .orElse(null);
            if (publicKey == null || !Ed25519.matches(seed, publicKey)) {
                LOG.log(System.Logger.Level.ERROR, "The stored public key of " + purpose.wireName() + "-v" + version
                        + " is not that of its private key (crm_signing_key altered?): refusing to sign with it");
                throw new IntegrityException("the public key of " + purpose.wireName() + "-v" + version
                        + " does not match its private key");
            }
            checkedVersions.add(version);
        }
        return seed;
    }

    private KeyMaterial loaded(KeyPurpose purpose, int version) {
        for (DataKeys.Version known : dataKeys.versions(purpose)) {
            if (known.version() == version) {
                return known.material();
            }
        }
        return null;
    }

    private <T> T sql(String what, SqlWork<T> work, boolean separate) {
        try {
            return separate ? transactions.inNewTransaction(work) : transactions.inCallerContext(work);
        } catch (SQLException e) {
            throw new StorageException(what, e);
        }
    }
}
