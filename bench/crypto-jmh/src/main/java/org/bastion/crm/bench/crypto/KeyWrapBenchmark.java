package org.bastion.crm.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESWrapPadEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 5649 (AES key wrap with padding) of a 32-byte data key under a 256-bit key-encryption key, with Bouncy
 * Castle's {@link AESWrapPadEngine} and the JDK's {@code AES/KWP/NoPadding}; both are re-initialised per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyWrapBenchmark {

    private final SecureRandom random = new SecureRandom();
    private byte[] dataKey;
    private KeyParameter bcKek;
    private SecretKeySpec jdkKek;
    private Wrapper bcWrapper;
    private Cipher jdkCipher;
    /** The wrapped data key (RFC 5649 is deterministic: both implementations produce these bytes). */
    private byte[] wrapped;

    /** Draws the key-encryption key and the data key and creates each implementation's wrapper once. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        dataKey = new byte[32];
        random.nextBytes(dataKey);
        bcKek = new KeyParameter(kek);
        jdkKek = new SecretKeySpec(kek, "AES");
        bcWrapper = new AESWrapPadEngine();
        jdkCipher = Cipher.getInstance("AES/KWP/NoPadding");
        wrapped = wrapJdk();
    }

    /** JDK provider (SunJCE), {@code AES/KWP/NoPadding}. */
    @Benchmark
    public byte[] wrapJdk() throws GeneralSecurityException {
        jdkCipher.init(Cipher.ENCRYPT_MODE, jdkKek);
        return jdkCipher.doFinal(dataKey);
    }

    /** Bouncy Castle lightweight {@link AESWrapPadEngine}. */
    @Benchmark
    public byte[] wrapBc() {
        bcWrapper.init(true, bcKek);
        return bcWrapper.wrap(dataKey, 0, dataKey.length);
    }

    /** JDK provider (SunJCE), {@code AES/KWP/NoPadding}: unwraps and checks the integrity value. */
    @Benchmark
    public byte[] unwrapJdk() throws GeneralSecurityException {
        jdkCipher.init(Cipher.DECRYPT_MODE, jdkKek);
        return jdkCipher.doFinal(wrapped);
    }

    /** Bouncy Castle lightweight {@link AESWrapPadEngine}: unwraps and checks the integrity value. */
    @Benchmark
    public byte[] unwrapBc() throws InvalidCipherTextException {
        bcWrapper.init(false, bcKek);
        return bcWrapper.unwrap(wrapped, 0, wrapped.length);
    }

    // for the tests
    byte[] dataKey() {
        return dataKey.clone();
    }
}
