package org.bastion.crm.api.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The per-record keys, kept out of data backups (provided by crm-crypto): a data backup never holds them, so a record
 * whose key is destroyed (erased) after a backup was taken stays unreadable when that backup is restored. crm-backup
 * keeps them in a separate key backup that it rewrites after each backup and whenever keys are destroyed
 * ({@link #KEYS_DESTROYED_TOPIC}); a restore onto an empty database puts them back from it.
 *
 * <p>The keys are exported as stored: wrapped by the field data key, itself wrapped by the master key; the stream
 * holds no plaintext key. The caller encrypts the stream again (the key backup is an archive like any other).
 */
public interface RecordKeyBackup {

    /** EventAdmin topic posted after one or more record keys were destroyed (property {@code count}, a Long). */
    String KEYS_DESTROYED_TOPIC = "org/bastion/crm/crypto/RECORD_KEYS_DESTROYED";

    /**
     * Writes every record key to {@code out} (not closed), in one consistent read.
     *
     * @return how many keys were written
     */
    long export(OutputStream out) throws IOException;

    /**
     * Puts back the keys of an export for records that have no key now; keys present are kept as they are.
     *
     * @return how many keys were inserted
     * @throws IOException when the stream is not an export of {@link #export(OutputStream)}
     */
    long restoreMissing(InputStream in) throws IOException;

    /** How many record keys exist now. */
    long count();
}
