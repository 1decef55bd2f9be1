package org.bastion.crm.api.crypto;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts and decrypts the fields of one record with that record's own key (AES-256-GCM). Each ciphertext is bound
 * to the record, the field name and the key version: moved to another record or field it fails to decrypt.
 * Instances are cheap, thread-safe and must not be kept beyond the operation at hand (a rotation or a destroyed key
 * must take effect).
 */
@ProviderType
public interface RecordCipher {

    /** The record whose key this is. */
    RecordRef record();

    /**
     * Encrypts {@code plaintext} for field {@code field} with a fresh random nonce, as self-describing URL-safe
     * base64 text; null stays null.
     */
    String encrypt(String field, String plaintext);

    /**
     * Decrypts what {@link #encrypt} made for the same record and field; null stays null.
     *
     * @throws org.bastion.crm.api.IntegrityException when the ciphertext was altered, belongs to another record or
     *         field, or is not a ciphertext at all; an {@link FieldCipher#INTEGRITY_FAILURE_TOPIC} event is posted
     */
    String decrypt(String field, String ciphertext);

    /** Like {@link #encrypt(String, String)} for binary data; the result is binary too. */
    byte[] encryptBytes(String field, byte[] plaintext);

    /** Like {@link #decrypt(String, String)} for binary data. */
    byte[] decryptBytes(String field, byte[] ciphertext);
}
