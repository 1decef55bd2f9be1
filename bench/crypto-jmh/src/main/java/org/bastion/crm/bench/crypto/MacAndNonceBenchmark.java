package org.bastion.crm.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two small costs around field encryption: the JDK HMAC-SHA256 of a short search term (a blind-index token) and
 * drawing one 96-bit nonce from {@link SecureRandom}, which every encrypt benchmark of {@link AesGcmBenchmark} pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MacAndNonceBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final String term = BenchData.searchTerm();
    private Mac mac;

    /** Creates the Mac once, keyed with a random 256-bit key (doFinal resets it for the next term). */
    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
    }

    /** JDK HMAC-SHA256 of a 24-character term, UTF-8 encoding included. */
    @Benchmark
    public byte[] hmacSha256Jdk() {
        return mac.doFinal(term.getBytes(StandardCharsets.UTF_8));
    }

    /** One 12-byte nonce from the same kind of SecureRandom the AES-GCM benchmarks use. */
    @Benchmark
    public byte[] randomNonce() {
        byte[] nonce = new byte[AesGcmBenchmark.NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }
}
