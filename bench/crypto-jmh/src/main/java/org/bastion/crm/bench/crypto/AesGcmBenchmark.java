package org.bastion.crm.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AES-256-GCM encryption and decryption of one field value (random 96-bit nonce, 128-bit tag, associated data) with
 * the JDK provider, Bouncy Castle's lightweight API and Bouncy Castle's JCE provider; every output is
 * {@code nonce || ciphertext || tag}, so each implementation can read what the others wrote.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AesGcmBenchmark {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;

    /** Size of the plaintext: a short field, a long text field, a small document. */
    @Param({"32", "256", "4096"})
    public int payloadBytes;

    private final SecureRandom random = new SecureRandom();
    private byte[] keyBytes;
    private SecretKeySpec jdkKey;
    private byte[] associatedData;
    private byte[] plaintext;
    /** What the JDK wrote for {@link #plaintext}, decrypted by every decrypt benchmark. */
    private byte[] sealed;

    private Cipher jdkCipher;
    private Cipher bcJceCipher;
    private GCMModeCipher bcCipher;

    /** Draws the key, data and associated data, and creates each implementation's cipher once. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        keyBytes = randomBytes(32);
        jdkKey = new SecretKeySpec(keyBytes, "AES");
        associatedData = BenchData.associatedData();
        plaintext = randomBytes(payloadBytes);
        jdkCipher = Cipher.getInstance("AES/GCM/NoPadding");
        bcJceCipher = Cipher.getInstance("AES/GCM/NoPadding", new BouncyCastleProvider());
        bcCipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        sealed = encryptJdk();
    }

    /** JDK provider (SunJCE): a cached Cipher initialised with a fresh nonce per call. */
    @Benchmark
    public byte[] encryptJdk() throws GeneralSecurityException {
        return encryptJce(jdkCipher);
    }

    /** Bouncy Castle JCE provider: a cached Cipher initialised with a fresh nonce per call. */
    @Benchmark
    public byte[] encryptBcJce() throws GeneralSecurityException {
        return encryptJce(bcJceCipher);
    }

    /** Bouncy Castle lightweight API: a cached GCM cipher initialised (key included) with a fresh nonce per call. */
    @Benchmark
    public byte[] encryptBcLightweight() throws InvalidCipherTextException {
        byte[] out = new byte[NONCE_BYTES + payloadBytes + TAG_BYTES];
        byte[] nonce = newNonce(out);
        bcCipher.init(true, new AEADParameters(new KeyParameter(keyBytes), TAG_BITS, nonce, associatedData));
        int written = bcCipher.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        bcCipher.doFinal(out, NONCE_BYTES + written);
        return out;
    }

    /** JDK provider: decrypts and authenticates {@code nonce || ciphertext || tag}. */
    @Benchmark
    public byte[] decryptJdk() throws GeneralSecurityException {
        return decryptJce(jdkCipher);
    }

    /** Bouncy Castle JCE provider: decrypts and authenticates {@code nonce || ciphertext || tag}. */
    @Benchmark
    public byte[] decryptBcJce() throws GeneralSecurityException {
        return decryptJce(bcJceCipher);
    }

    /** Bouncy Castle lightweight API: decrypts and authenticates {@code nonce || ciphertext || tag}. */
    @Benchmark
    public byte[] decryptBcLightweight() throws InvalidCipherTextException {
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        bcCipher.init(false, new AEADParameters(new KeyParameter(keyBytes), TAG_BITS, nonce, associatedData));
        byte[] out = new byte[sealed.length - NONCE_BYTES - TAG_BYTES];
        int written = bcCipher.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, out, 0);
        bcCipher.doFinal(out, written);
        return out;
    }

    private byte[] encryptJce(Cipher cipher) throws GeneralSecurityException {
        byte[] out = new byte[NONCE_BYTES + payloadBytes + TAG_BYTES];
        byte[] nonce = newNonce(out);
        cipher.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        return out;
    }

    private byte[] decryptJce(Cipher cipher) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, jdkKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    /** Draws a random nonce, writes it at the start of {@code out} and returns it. */
    private byte[] newNonce(byte[] out) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        return nonce;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // for the tests: what the benchmarks work on
    byte[] keyBytes() {
        return keyBytes.clone();
    }

    byte[] associatedData() {
        return associatedData.clone();
    }

    byte[] plaintext() {
        return plaintext.clone();
    }
}
