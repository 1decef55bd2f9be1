package org.bastion.crm.security.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedKeystoreTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path etc;

    private ManagedKeystore managed() {
        return new ManagedKeystore(etc, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
    }

    private static KeyStore load(Path keystore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        return store;
    }

    private char[] password() throws Exception {
        return Files.readString(etc.resolve("crm-tls.p12.password"), StandardCharsets.US_ASCII).toCharArray();
    }

    @Test
    void createsAKeystoreThatOpensWithThePasswordWrittenBesideIt() throws Exception {
        assertThat(managed().createIfMissing(TlsSettings.defaults())).isTrue();

        char[] password = password();
        assertThat(new String(password)).matches("[A-Za-z0-9_-]{43}");
        KeyStore store = load(etc.resolve("crm-tls.p12"), password);
        assertThat(store.getKey(ManagedKeystore.ALIAS, password)).isInstanceOf(PrivateKey.class);
        X509Certificate certificate = (X509Certificate) store.getCertificate(ManagedKeystore.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "localhost", "127.0.0.1");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(825)));
    }

    @Test
    void bothFilesAreReadableByTheirOwnerOnly() throws Exception {
        managed().createIfMissing(TlsSettings.defaults());

        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(etc.resolve("crm-tls.p12"))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(etc.resolve("crm-tls.p12.password"))).isEqualTo(ownerOnly);
        try (var files = Files.list(etc)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("crm-tls.p12",
                    "crm-tls.p12.password");
        }
    }

    @Test
    void configuredNamesGoIntoTheCertificate() throws Exception {
        managed().createIfMissing(new TlsSettings(List.of("crm.example.org", "10.0.0.7"), Duration.ofDays(90)));

        char[] password = password();
        X509Certificate certificate = (X509Certificate) load(etc.resolve("crm-tls.p12"), password)
                .getCertificate(ManagedKeystore.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=crm.example.org");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "localhost", "127.0.0.1", "crm.example.org", "10.0.0.7");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void anExistingKeystoreIsReusedUntouched() throws Exception {
        managed().createIfMissing(TlsSettings.defaults());
        byte[] keystore = Files.readAllBytes(etc.resolve("crm-tls.p12"));
        byte[] password = Files.readAllBytes(etc.resolve("crm-tls.p12.password"));

        assertThat(managed().createIfMissing(TlsSettings.defaults())).isFalse();

        assertThat(Files.readAllBytes(etc.resolve("crm-tls.p12"))).isEqualTo(keystore);
        assertThat(Files.readAllBytes(etc.resolve("crm-tls.p12.password"))).isEqualTo(password);
    }

    @Test
    void anOperatorKeystoreInPlaceIsNeverReplaced() throws Exception {
        Files.write(etc.resolve("crm-tls.p12"), new byte[] {1, 2, 3});

        assertThat(managed().createIfMissing(TlsSettings.defaults())).isFalse();

        assertThat(Files.readAllBytes(etc.resolve("crm-tls.p12"))).containsExactly(1, 2, 3);
        assertThat(etc.resolve("crm-tls.p12.password")).doesNotExist();
    }

    @Test
    void aPasswordFileLeftWithoutItsKeystoreIsReplacedByTheNewPassword() throws Exception {
        Files.writeString(etc.resolve("crm-tls.p12.password"), "stale");

        assertThat(managed().createIfMissing(TlsSettings.defaults())).isTrue();

        char[] password = password();
        assertThat(new String(password)).isNotEqualTo("stale");
        assertThat(load(etc.resolve("crm-tls.p12"), password).size()).isEqualTo(1);
    }

    @Test
    void everyKeystoreGetsItsOwnPassword() throws Exception {
        Path other = Files.createDirectory(etc.resolve("other"));
        managed().createIfMissing(TlsSettings.defaults());
        new ManagedKeystore(other, Clock.systemUTC(), new SecureRandom()).createIfMissing(TlsSettings.defaults());

        assertThat(Files.readString(other.resolve("crm-tls.p12.password"))).isNotEqualTo(new String(password()));
    }
}
