package org.bastion.crm.crypto.internal.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    private FieldSealer() {
    }

    /** Encrypts {@code plaintext} under {@code key} (record key version {@code keyVersion}) with a fresh nonce. */
    public static byte[] seal(byte[] key, int keyVersion, byte[] associatedData, byte[] plaintext)
            throws GeneralSecurityException {
        byte[] sealed = new byte[HEADER_BYTES + plaintext.length + TAG_BYTES];
        ByteBuffer header = ByteBuffer.wrap(sealed, 0, HEADER_BYTES);
        header.put(FORMAT_V1).putInt(keyVersion);
        byte[] nonce = new byte[NONCE_BYTES];
        KeyMaterial.randomBytes(nonce);
        header.put(nonce);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(associatedData);
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
        return ByteBuffer.wrap(sealed, 1, Integer.BYTES).getInt();
    }

    /**
     * Decrypts a ciphertext made by {@link #seal} with the same key and associated data.
     *
     * @throws GeneralSecurityException when it was altered, belongs elsewhere, or the key is wrong
     */
    public static byte[] open(byte[] key, byte[] associatedData, byte[] sealed) throws GeneralSecurityException {
        keyVersion(sealed);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BYTES * 8, sealed, 1 + Integer.BYTES, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
    }

    /** The associated data binding a ciphertext to a record, a field and a record key version. */
    public static byte[] associatedData(RecordRef record, String field, int keyVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(CONTEXT);
        for (String part : new String[] {record.kind(), record.id(), field}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(keyVersion).array());
        return out.toByteArray();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-GCM (SunJCE) is missing", e);
        }
    }
}
