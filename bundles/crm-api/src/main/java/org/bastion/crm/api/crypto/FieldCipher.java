package org.bastion.crm.api.crypto;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Encryption at rest for any bundle: a key per record (wrapped by the current field data key, which the master key
 * wraps in turn), ciphers over that key, and blind indexes for searching encrypted fields. Deleting a record's key
 * (crypto-shredding) makes every copy of its ciphertexts unreadable, old backups included.
 *
 * <p>Record keys live in the crypto bundle's own table. Calls made inside a JTA transaction on the {@code crm}
 * datasource join it, so a record and its key are written or removed together.
 *
 * <p>While the master key is locked every method throws {@link KeysLockedException}.
 */
@ProviderType
public interface FieldCipher {

    /** EventAdmin topic posted when a ciphertext fails its integrity check; properties {@code kind}, {@code id}, {@code field}. */
    String INTEGRITY_FAILURE_TOPIC = "org/bastion/crm/crypto/INTEGRITY_FAILURE";

    /**
     * Creates the key of a new record and returns its cipher.
     *
     * @throws org.bastion.crm.api.ConflictException when the record already has a key
     */
    RecordCipher createRecordKey(RecordRef record);

    /**
     * The cipher of an existing record.
     *
     * @throws org.bastion.crm.api.NotFoundException when the record has no key (never had one, or it was destroyed)
     */
    RecordCipher recordCipher(RecordRef record);

    /**
     * The ciphers of many records of one kind at once, keyed by record id, loading missing keys in one query;
     * ids without a key are left out.
     */
    Map<String, RecordCipher> recordCiphers(String kind, Collection<String> ids);

    /**
     * Destroys a record's key (crypto-shredding): its ciphertexts, wherever they were copied, can never be
     * decrypted again.
     *
     * @return whether there was a key to destroy
     */
    boolean destroyRecordKey(RecordRef record);

    /**
     * The blind-index tokens of a normalised term in a domain (such as {@code contact.email}), one per live
     * blind-index key version: store them all when writing, look for any of them when searching. The domain keeps
     * equal terms of different fields apart.
     */
    List<BlindToken> blindTokens(String domain, String normalisedTerm);
}
