package org.bastion.crm.security.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    private static final char[] PASSWORD = "keystore-password".toCharArray();
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path directory;

    private static SelfSignedCertificate generate(List<String> extraNames, Duration validity) throws Exception {
        return SelfSignedCertificate.generate("crm.example.org", extraNames, validity, Clock.fixed(NOW, ZoneOffset.UTC),
                new SecureRandom());
    }

    @Test
    void certificateIsSelfSignedEcP256WithTheRequestedSubjectAndValidity() throws Exception {
        X509Certificate certificate = generate(List.of(), Duration.ofDays(30)).certificate();

        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=crm.example.org");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(certificate.getNotBefore().toInstant()).isBefore(NOW).isAfter(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void defaultValidityIs825Days() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.generate("localhost").certificate();

        Duration remaining = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertThat(remaining).isBetween(Duration.ofDays(825).minusMinutes(5), Duration.ofDays(825));
    }

    @Test
    void serialNumbersArePositiveRandomAndAtMost128Bits() throws Exception {
        BigInteger first = generate(List.of(), Duration.ofDays(1)).certificate().getSerialNumber();
        BigInteger second = generate(List.of(), Duration.ofDays(1)).certificate().getSerialNumber();

        assertThat(first.signum()).isPositive();
        assertThat(first.bitLength()).isBetween(100, 128);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void namesAndUsagesAreAsSpecified() throws Exception {
        X509Certificate certificate = generate(List.of("crm.internal", "10.0.0.7", "::1"), Duration.ofDays(1)).certificate();

        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(2, "crm.example.org"), List.of(2, "crm.internal"),
                List.of(7, "10.0.0.7"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        for (int i = 1; i < keyUsage.length; i++) {
            assertThat(keyUsage[i]).as("key usage bit %d", i).isFalse();
        }
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void refusesBlankNamesAndNonPositiveValidity() {
        assertThatThrownBy(() -> generate(List.of(" "), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generate(List.of(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAKeystoreTheJdkLoadsWithOwnerOnlyPermissions() throws Exception {
        SelfSignedCertificate generated = generate(List.of(), Duration.ofDays(1));
        Path file = directory.resolve("https.p12");

        generated.writePkcs12(file, "bastion", PASSWORD);

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
        assertThat(keyStore.isKeyEntry("bastion")).isTrue();
        assertThat(keyStore.getCertificate("bastion")).isEqualTo(generated.certificate());
        assertThat(((PrivateKey) keyStore.getKey("bastion", PASSWORD)).getEncoded())
                .isEqualTo(generated.keyPair().getPrivate().getEncoded());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path file = directory.resolve("https.p12");
        Files.writeString(file, "already here");

        assertThatThrownBy(() -> generate(List.of(), Duration.ofDays(1)).writePkcs12(file, "bastion", PASSWORD))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("already here");
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void completesATls13HandshakeWithAClientThatTrustsTheCertificate() throws Exception {
        SelfSignedCertificate generated = generate(List.of(), Duration.ofDays(1));
        Path file = directory.resolve("https.p12");
        generated.writePkcs12(file, "bastion", PASSWORD);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", generated.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLSv1.3");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            server.setEnabledProtocols(new String[] {"TLSv1.3"});
            server.setSoTimeout(10_000);
            Future<Integer> served = executor.submit(() -> {
                try (Socket accepted = server.accept()) {
                    accepted.setSoTimeout(10_000);
                    int received = accepted.getInputStream().read();
                    accepted.getOutputStream().write(received + 1);
                    accepted.getOutputStream().flush();
                    return received;
                }
            });
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(loopback, server.getLocalPort()), 10_000);
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(plain, "localhost", server.getLocalPort(), true)) {
                client.setSoTimeout(10_000);
                SSLParameters parameters = client.getSSLParameters();
                parameters.setProtocols(new String[] {"TLSv1.3"});
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();

                assertThat(client.getSession().getProtocol()).isEqualTo("TLSv1.3");
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(generated.certificate());
                OutputStream out = client.getOutputStream();
                out.write(41);
                out.flush();
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(41);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() throws Exception {
        SelfSignedCertificate generated = generate(List.of(), Duration.ofDays(1));
        SelfSignedCertificate other = generate(List.of(), Duration.ofDays(1));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(generated.toKeyStore("bastion", PASSWORD), PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("other", other.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLSv1.3");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            server.setSoTimeout(10_000);
            executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.setSoTimeout(10_000);
                    accepted.startHandshake();
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(loopback, server.getLocalPort())) {
                client.setSoTimeout(10_000);
                assertThatThrownBy(client::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
