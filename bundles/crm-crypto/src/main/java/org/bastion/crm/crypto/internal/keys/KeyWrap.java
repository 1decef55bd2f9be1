package org.bastion.crm.crypto.internal.keys;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESWrapPadEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES key wrap with padding (RFC 5649) through Bouncy Castle's lightweight API, with 256-bit key-encryption keys. */
public final class KeyWrap {

    private KeyWrap() {
    }

    /** {@code key} wrapped by {@code kek}. */
    public static byte[] wrap(byte[] kek, byte[] key) {
        AESWrapPadEngine engine = new AESWrapPadEngine();
        engine.init(true, new KeyParameter(kek));
        return engine.wrap(key, 0, key.length);
    }

    /**
     * The key {@code wrapped} holds, unwrapped by {@code kek}.
     *
     * @throws InvalidCipherTextException when {@code kek} is not the key that wrapped it, or the bytes were altered
     */
    public static byte[] unwrap(byte[] kek, byte[] wrapped) throws InvalidCipherTextException {
        AESWrapPadEngine engine = new AESWrapPadEngine();
        engine.init(false, new KeyParameter(kek));
        return engine.unwrap(wrapped, 0, wrapped.length);
    }

    /** Wraps the bytes of {@code key} under {@code kek}. */
    public static byte[] wrap(KeyMaterial kek, KeyMaterial key) {
        return kek.use(kekBytes -> key.use(keyBytes -> wrap(kekBytes, keyBytes)));
    }

    /** Unwraps {@code wrapped} under {@code kek} into a new key. */
    public static KeyMaterial unwrap(KeyMaterial kek, byte[] wrapped) throws InvalidCipherTextException {
        byte[] key = kek.use(kekBytes -> unwrap(kekBytes, wrapped));
        if (key.length != KeyMaterial.LENGTH) {
            java.util.Arrays.fill(key, (byte) 0);
            throw new InvalidCipherTextException("unwrapped key has " + key.length + " bytes");
        }
        return new KeyMaterial(key);
    }
}
