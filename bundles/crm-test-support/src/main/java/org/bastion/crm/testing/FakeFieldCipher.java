package org.bastion.crm.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;

/**
 * A real-ish FieldCipher for tests: AES-256-GCM under random per-record keys held in a map, each ciphertext bound to
 * kind/id/field as associated data and laid out like the crypto bundle's (1 format byte, 4 bytes key version, 12
 * bytes nonce, ciphertext, 16 bytes tag, URL-safe base64: 33 bytes of overhead); blind tokens are HMAC-SHA256 under a
 * fixed test key per version, truncated to 64 bits, for every live version (several may be live, as in a rotation).
 */
public final class FakeFieldCipher implements FieldCipher {

    private static final byte FORMAT = 1;
    private static final int RECORD_KEY_VERSION = 1;
    private static final int HEADER = 1 + 4 + 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<RecordRef, SecretKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger recordCiphersCalls = new AtomicInteger();
    private volatile List<Integer> liveVersions = List.of(1);
    private volatile boolean locked;

    /** Makes these blind-index versions the live ones, in order. */
    public void liveBlindIndexVersions(Integer... versions) {
        liveVersions = List.of(versions);
    }

    /** Locks or unlocks every operation, like a locked master key. */
    public void locked(boolean value) {
        locked = value;
    }

    /** Whether the record has a key. */
    public boolean hasKey(RecordRef record) {
        return keys.containsKey(record);
    }

    /** How many times {@link #recordCiphers} was called. */
    public int recordCiphersCalls() {
        return recordCiphersCalls.get();
    }

    @Override
    public RecordCipher createRecordKey(RecordRef record) {
        requireUnlocked();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            if (keys.putIfAbsent(record, generator.generateKey()) != null) {
                throw new ConflictException(record + " already has a key");
            }
            return new Sealer(record, keys.get(record));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RecordCipher recordCipher(RecordRef record) {
        requireUnlocked();
        SecretKey key = keys.get(record);
        if (key == null) {
            throw new NotFoundException("record key", record);
        }
        return new Sealer(record, key);
    }

    @Override
    public Map<String, RecordCipher> recordCiphers(String kind, Collection<String> ids) {
        requireUnlocked();
        recordCiphersCalls.incrementAndGet();
        Map<String, RecordCipher> ciphers = new HashMap<>();
        for (String id : ids) {
            RecordRef record = new RecordRef(kind, id);
            SecretKey key = keys.get(record);
            if (key != null) {
                ciphers.put(id, new Sealer(record, key));
            }
        }
        return ciphers;
    }

    @Override
    public boolean destroyRecordKey(RecordRef record) {
        requireUnlocked();
        return keys.remove(record) != null;
    }

    @Override
    public List<BlindToken> blindTokens(String domain, String normalisedTerm) {
        requireUnlocked();
        List<BlindToken> tokens = new ArrayList<>();
        for (int version : liveVersions) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                        .digest(("test blind-index key v" + version).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
                byte[] digest = mac.doFinal((domain + '\u0000' + normalisedTerm).getBytes(StandardCharsets.UTF_8));
                tokens.add(new BlindToken(version, ByteBuffer.wrap(digest, 0, 8).getLong()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return tokens;
    }

    private void requireUnlocked() {
        if (locked) {
            throw new KeysLockedException("the master key is locked");
        }
    }

    /** The cipher of one record. */
    private final class Sealer implements RecordCipher {

        private final RecordRef record;
        private final SecretKey key;

        Sealer(RecordRef record, SecretKey key) {
            this.record = record;
            this.key = key;
        }

        @Override
        public RecordRef record() {
            return record;
        }

        @Override
        public String encrypt(String field, String plaintext) {
            return plaintext == null ? null
                    : Base64.getUrlEncoder().encodeToString(encryptBytes(field, plaintext.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String decrypt(String field, String ciphertext) {
            if (ciphertext == null) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(ciphertext);
            } catch (IllegalArgumentException e) {
                throw new IntegrityException(record + " " + field + " is no ciphertext");
            }
            return new String(decryptBytes(field, bytes), StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encryptBytes(String field, byte[] plaintext) {
            if (plaintext == null) {
                return null;
            }
            requireUnlocked();
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData(field));
                byte[] sealed = cipher.doFinal(plaintext);
                return ByteBuffer.allocate(HEADER + sealed.length).put(FORMAT).putInt(RECORD_KEY_VERSION).put(nonce)
                        .put(sealed).array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] decryptBytes(String field, byte[] ciphertext) {
            if (ciphertext == null) {
                return null;
            }
            requireUnlocked();
            if (ciphertext.length < HEADER + TAG_BITS / 8 || ciphertext[0] != FORMAT) {
                throw new IntegrityException(record + " " + field + " is no ciphertext");
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 5, 12));
                cipher.updateAAD(associatedData(field));
                return cipher.doFinal(ciphertext, HEADER, ciphertext.length - HEADER);
            } catch (AEADBadTagException e) {
                throw new IntegrityException(record + " " + field + " failed its integrity check");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private byte[] associatedData(String field) {
            return (record.kind() + "/" + record.id() + "/" + field).getBytes(StandardCharsets.UTF_8);
        }
    }
}
