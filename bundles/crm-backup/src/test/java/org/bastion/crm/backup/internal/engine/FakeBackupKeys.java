package org.bastion.crm.backup.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.api.crypto.KeysLockedException;

/** Backup keys held in memory: the sealed form is a name; another instance (another keystore) knows none of them. */
final class FakeBackupKeys implements BackupKeys {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean locked;

    void lock() {
        locked = true;
    }

    @Override
    public ArchiveKey newArchiveKey() {
        checkUnlocked();
        byte[] material = new byte[32];
        random.nextBytes(material);
        String name = "fake-backup-key-" + keys.size() + "-" + random.nextInt(1_000_000);
        SecretKey key = new SecretKeySpec(material, "AES");
        keys.put(name, key);
        return new ArchiveKey(key, name.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public SecretKey openArchiveKey(byte[] sealed) {
        checkUnlocked();
        SecretKey key = keys.get(new String(sealed, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalArgumentException("the sealed key needs a master key version this keystore lacks");
        }
        return key;
    }

    private void checkUnlocked() {
        if (locked) {
            throw new KeysLockedException("locked");
        }
    }
}
