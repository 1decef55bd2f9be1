package org.bastion.crm.crypto.internal.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider. A private key is kept as its 32-byte seed, a {@link KeyMaterial}
 * like every data key (so the master key wraps and re-wraps it like the others); it becomes a PKCS#8 key only for the
 * moment of a signature. Public keys are X.509 SubjectPublicKeyInfo DER, as OpenSSL reads them.
 */
public final class Ed25519 {

    /** The algorithm name of the JDK's provider (key pairs, key factory and signatures). */
    public static final String ALGORITHM = "Ed25519";

    /** The length of a signature. */
    public static final int SIGNATURE_LENGTH = 64;

    /** The DER of PKCS#8 {@code PrivateKeyInfo} for Ed25519 up to the seed (RFC 8410 section 7). */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
            0x04, 0x22, 0x04, 0x20};

    private Ed25519() {
    }

    /**
     * A new key pair.
     *
     * @param seed the private key's seed, owned by the caller
     * @param publicKey the public key, X.509 SubjectPublicKeyInfo DER
     */
    public record Pair(KeyMaterial seed, byte[] publicKey) {
    }

    /** Generates a new key pair. */
    public static Pair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK gave an Ed25519 key without its seed"));
            if (seed.length != KeyMaterial.LENGTH) {
                throw new IllegalStateException("an Ed25519 seed of " + seed.length + " bytes");
            }
            return new Pair(new KeyMaterial(seed), pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no Ed25519", e);
        }
    }

    /** Signs {@code data} with the private key whose seed is {@code seed}. */
    public static byte[] sign(KeyMaterial seed, byte[] data) {
        return seed.use(bytes -> {
            byte[] pkcs8 = pkcs8(bytes);
            try {
                PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(key);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signature failed: " + e.getClass().getSimpleName(), e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        });
    }

    /** Whether {@code signature} is the signature of {@code data} by the key {@code publicKey} (DER); false when malformed. */
    public static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
        if (publicKey == null || data == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code seed} is the private key of {@code publicKey}: a probe signed by one verifies with the other. */
    public static boolean matches(KeyMaterial seed, byte[] publicKey) {
        byte[] probe = new byte[32];
        KeyMaterial.randomBytes(probe);
        return verify(publicKey, probe, sign(seed, probe));
    }

    /** The PKCS#8 DER of the private key with this seed (the caller wipes it). */
    static byte[] pkcs8(byte[] seed) {
        byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, seed.length);
        return der;
    }
}
