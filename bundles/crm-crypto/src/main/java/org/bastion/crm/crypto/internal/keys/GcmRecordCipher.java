package org.bastion.crm.crypto.internal.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.crypto.internal.db.Base64Text;

/**
 * The cipher of one record over its record key ({@link FieldSealer}'s format). When the key it holds was wiped
 * meanwhile (evicted from the cache, destroyed, locked) it asks for the key again, which fails with
 * {@link org.bastion.crm.api.NotFoundException} once the key is destroyed and
 * {@link org.bastion.crm.api.crypto.KeysLockedException} once the keys are locked.
 */
public final class GcmRecordCipher implements RecordCipher {

    /** The version of every record key so far; a future re-key of records would raise it. */
    public static final int RECORD_KEY_VERSION = 1;

    private static final int ATTEMPTS = 3;

    private final RecordRef record;
    /** The record's part of every field's associated data, made once per cipher. */
    private final byte[] recordPart;
    private final Supplier<KeyMaterial> reload;
    private final IntegrityFailures failures;
    private volatile KeyMaterial key;

    public GcmRecordCipher(RecordRef record, KeyMaterial key, Supplier<KeyMaterial> reload, IntegrityFailures failures) {
        this.record = record;
        this.recordPart = FieldSealer.recordPart(record);
        this.key = key;
        this.reload = reload;
        this.failures = failures;
    }

    @Override
    public RecordRef record() {
        return record;
    }

    @Override
    public String encrypt(String field, String plaintext) {
        return plaintext == null ? null : Base64Text.encode(encryptBytes(field, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String decrypt(String field, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64Text.decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw failures.failed(record, checked(field));
        }
        return new String(decryptBytes(field, sealed), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encryptBytes(String field, byte[] plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] fieldPart = FieldSealer.fieldPart(checked(field), RECORD_KEY_VERSION);
        try {
            return withKey(bytes -> FieldSealer.seal(bytes, RECORD_KEY_VERSION, recordPart, fieldPart, plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] decryptBytes(String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        String name = checked(field);
        try {
            int version = FieldSealer.keyVersion(ciphertext);
            if (version != RECORD_KEY_VERSION) {
                throw failures.failed(record, name);
            }
            byte[] fieldPart = FieldSealer.fieldPart(name, version);
            return withKey(bytes -> FieldSealer.open(bytes, recordPart, fieldPart, ciphertext));
        } catch (GeneralSecurityException e) {
            throw failures.failed(record, name);
        }
    }

    private <T> T withKey(KeyUse<T, GeneralSecurityException> use) throws GeneralSecurityException {
        for (int attempt = 1; ; attempt++) {
            try {
                return key.use(use);
            } catch (KeyMaterial.KeyWipedException e) {
                if (attempt == ATTEMPTS) {
                    throw new ServiceUnavailableException("the key of " + record + " was evicted again and again while in"
                            + " use; retry, or raise recordKeyCacheSize");
                }
                key = reloaded();
            }
        }
    }

    private KeyMaterial reloaded() {
        try {
            return reload.get();
        } catch (KeyMaterial.KeyWipedException e) {
            throw new KeysLockedException("The encryption keys are locked: they were locked while in use");
        }
    }

    private static String checked(String field) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a field name is required");
        }
        return field;
    }
}
