package org.bastion.crm.crypto.internal.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.crypto.RecordRef;

/**
 * The field ciphertext format, AES-256-GCM with the JDK's provider (which uses the CPU's AES instructions), one
 * {@link Cipher} per thread. Layout: byte {@value #FORMAT_V1} (format version) | int32 record key version | 12-byte
 * random nonce | ciphertext and 128-bit tag. The associated data binds the record kind, record id, field name and key
 * version (each length-prefixed, so no two bindings share an encoding): a ciphertext moved to another record or field
 * fails its tag.
 */
public final class FieldSealer {

    /** The first byte of format version 1. */
    public static final byte FORMAT_V1 = 0x01;

    /** Nonce length: 96 bits. */
    public static final int NONCE_BYTES = 12;

    /** Tag length: 128 bits. */
    public static final int TAG_BYTES = 16;

    /** Format byte, key version and nonce. */
    public static final int HEADER_BYTES = 1 + Integer.BYTES + NONCE_BYTES;

    private static final byte[] CONTEXT = "bastion-crm/field/v1".getBytes(StandardCharsets.UTF_8);
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(FieldSealer::newCipher);

    /** How many field parts of the associated data are kept for reuse. */
    static final int FIELD_PARTS_KEPT = 1024;

    private static final Map<String, byte[]> FIELD_PARTS = new ConcurrentHashMap<>();
    private static final byte[] EMPTY = new byte[0];

    private FieldSealer() {
    }

    /** Encrypts {@code plaintext} under {@code key} (record key version {@code keyVersion}) with a fresh nonce. */
    public static byte[] seal(byte[] key, int keyVersion, byte[] associatedData, byte[] plaintext)
            throws GeneralSecurityException {
        return seal(key, keyVersion, associatedData, EMPTY, plaintext);
    }

    /**
     * Like {@link #seal(byte[], int, byte[], byte[])} with the associated data given in two parts (the record's and
     * the field's, see {@link #recordPart} and {@link #fieldPart}), which GCM authenticates as their concatenation.
     */
    public static byte[] seal(byte[] key, int keyVersion, byte[] recordPart, byte[] fieldPart, byte[] plaintext)
            throws GeneralSecurityException {
        byte[] sealed = new byte[HEADER_BYTES + plaintext.length + TAG_BYTES];
        ByteBuffer header = ByteBuffer.wrap(sealed, 0, HEADER_BYTES);
        header.put(FORMAT_V1).putInt(keyVersion);
        byte[] nonce = new byte[NONCE_BYTES];
        KeyMaterial.randomBytes(nonce);
        header.put(nonce);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(recordPart);
        cipher.updateAAD(fieldPart);
        cipher.doFinal(plaintext, 0, plaintext.length, sealed, HEADER_BYTES);
        return sealed;
    }

    /**
     * The record key version a ciphertext names.
     *
     * @throws AEADBadTagException when it is too short or of an unknown format
     */
    public static int keyVersion(byte[] sealed) throws AEADBadTagException {
        if (sealed.length < HEADER_BYTES + TAG_BYTES || sealed[0] != FORMAT_V1) {
            throw new AEADBadTagException("not a field ciphertext of a known format");
        }
        return (sealed[1] & 0xff) << 24 | (sealed[2] & 0xff) << 16 | (sealed[3] & 0xff) << 8 | (sealed[4] & 0xff);
    }

    /**
     * Decrypts a ciphertext made by {@link #seal} with the same key and associated data.
     *
     * @throws GeneralSecurityException when it was altered, belongs elsewhere, or the key is wrong
     */
    public static byte[] open(byte[] key, byte[] associatedData, byte[] sealed) throws GeneralSecurityException {
        return open(key, associatedData, EMPTY, sealed);
    }

    /** Like {@link #open(byte[], byte[], byte[])} with the associated data in two parts, as {@link #seal} takes them. */
    public static byte[] open(byte[] key, byte[] recordPart, byte[] fieldPart, byte[] sealed)
            throws GeneralSecurityException {
        keyVersion(sealed);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BYTES * 8, sealed, 1 + Integer.BYTES, NONCE_BYTES));
        cipher.updateAAD(recordPart);
        cipher.updateAAD(fieldPart);
        return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
    }

    /** The associated data binding a ciphertext to a record, a field and a record key version. */
    public static byte[] associatedData(RecordRef record, String field, int keyVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(recordPart(record));
        out.writeBytes(fieldPart(field, keyVersion));
        return out.toByteArray();
    }

    /** The record's part of the associated data: the format label, then the length-prefixed kind and id. */
    public static byte[] recordPart(RecordRef record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(CONTEXT);
        lengthPrefixed(out, record.kind());
        lengthPrefixed(out, record.id());
        return out.toByteArray();
    }

    /**
     * The field's part of the associated data: the length-prefixed field name, then the key version. Read-only;
     * kept per field name and version, of which a bundle has a handful (the first {@value #FIELD_PARTS_KEPT} are kept).
     */
    public static byte[] fieldPart(String field, int keyVersion) {
        String key = keyVersion + ":" + field;
        byte[] part = FIELD_PARTS.get(key);
        if (part == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32);
            lengthPrefixed(out, field);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(keyVersion).array());
            part = out.toByteArray();
            if (FIELD_PARTS.size() < FIELD_PARTS_KEPT) {
                FIELD_PARTS.putIfAbsent(key, part);
            }
        }
        return part;
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-GCM (SunJCE) is missing", e);
        }
    }
}
