package org.bastion.crm.bench.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that every benchmark does the same, correct work, so that their figures can be compared. */
class BenchmarksAgreeTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 256, 4096})
    void everyAesGcmEncryptionDecryptsWithAnIndependentJdkCipher(int payloadBytes) throws Exception {
        AesGcmBenchmark benchmark = newGcmBenchmark(payloadBytes);

        for (byte[] sealed : List.of(benchmark.encryptJdk(), benchmark.encryptBcJce(), benchmark.encryptBcLightweight())) {
            assertThat(sealed).hasSize(AesGcmBenchmark.NONCE_BYTES + payloadBytes + AesGcmBenchmark.TAG_BYTES);
            assertThat(openWithJdk(benchmark, sealed)).isEqualTo(benchmark.plaintext());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 256, 4096})
    void everyAesGcmDecryptionReturnsThePlaintext(int payloadBytes) throws Exception {
        AesGcmBenchmark benchmark = newGcmBenchmark(payloadBytes);

        assertThat(benchmark.decryptJdk()).isEqualTo(benchmark.plaintext());
        assertThat(benchmark.decryptBcJce()).isEqualTo(benchmark.plaintext());
        assertThat(benchmark.decryptBcLightweight()).isEqualTo(benchmark.plaintext());
    }

    @Test
    void eachEncryptionDrawsAFreshNonce() throws Exception {
        AesGcmBenchmark benchmark = newGcmBenchmark(32);

        byte[] first = benchmark.encryptBcLightweight();
        byte[] second = benchmark.encryptBcLightweight();

        assertThat(Arrays.copyOf(first, AesGcmBenchmark.NONCE_BYTES))
                .isNotEqualTo(Arrays.copyOf(second, AesGcmBenchmark.NONCE_BYTES));
    }

    @Test
    void bothKeyWrapsProduceTheSameRfc5649BytesAndUnwrapToTheDataKey() throws Exception {
        KeyWrapBenchmark benchmark = new KeyWrapBenchmark();
        benchmark.setUp();

        assertThat(benchmark.wrapBc()).hasSize(40).isEqualTo(benchmark.wrapJdk());
        assertThat(benchmark.unwrapJdk()).isEqualTo(benchmark.dataKey());
        assertThat(benchmark.unwrapBc()).isEqualTo(benchmark.dataKey());
    }

    @Test
    void hmacIsDeterministicAndNoncesAreTwelveRandomBytes() throws Exception {
        MacAndNonceBenchmark benchmark = new MacAndNonceBenchmark();
        benchmark.setUp();

        assertThat(benchmark.hmacSha256Jdk()).hasSize(32).isEqualTo(benchmark.hmacSha256Jdk());
        assertThat(benchmark.randomNonce()).hasSize(12).isNotEqualTo(benchmark.randomNonce());
    }

    private static AesGcmBenchmark newGcmBenchmark(int payloadBytes) throws GeneralSecurityException {
        AesGcmBenchmark benchmark = new AesGcmBenchmark();
        benchmark.payloadBytes = payloadBytes;
        benchmark.setUp();
        return benchmark;
    }

    private static byte[] openWithJdk(AesGcmBenchmark benchmark, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(benchmark.keyBytes(), "AES"),
                new GCMParameterSpec(AesGcmBenchmark.TAG_BITS, sealed, 0, AesGcmBenchmark.NONCE_BYTES));
        cipher.updateAAD(benchmark.associatedData());
        return cipher.doFinal(sealed, AesGcmBenchmark.NONCE_BYTES, sealed.length - AesGcmBenchmark.NONCE_BYTES);
    }
}
