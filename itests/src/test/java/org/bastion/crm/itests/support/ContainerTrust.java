package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSL context that trusts exactly the self-signed certificate the container created on its first start
 * ({@code etc/crm-tls.p12}, password in {@code etc/crm-tls.p12.password}): the tests check the real certificate, with
 * host name verification, instead of trusting anything. Runs in the container (it reads {@code karaf.etc}), or in the
 * driver for a CRM started as a process, given that CRM's {@code etc} folder.
 */
public final class ContainerTrust {

    private ContainerTrust() {
    }

    /** The SSL context; fails (to be retried) while the container has not created its keystore yet. */
    public static SSLContext sslContext() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            throw new IllegalStateException("karaf.etc is not set: ContainerTrust runs inside the test container");
        }
        return sslContext(Path.of(etc));
    }

    /**
     * The SSL context trusting the certificate in the {@code etc} folder of a CRM the test driver started as a
     * process of its own; fails (to be retried) while that CRM has not created its keystore yet.
     */
    public static SSLContext sslContext(Path etc) {
        Path keystoreFile = etc.resolve("crm-tls.p12");
        Path passwordFile = etc.resolve("crm-tls.p12.password");
        try {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystoreFile)) {
                keystore.load(in, password);
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (String alias : Collections.list(keystore.aliases())) {
                Certificate certificate = keystore.getCertificate(alias);
                if (certificate != null) {
                    trusted.setCertificateEntry(alias, certificate);
                }
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the container's keystore " + keystoreFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the container's keystore " + keystoreFile, e);
        }
    }
}
