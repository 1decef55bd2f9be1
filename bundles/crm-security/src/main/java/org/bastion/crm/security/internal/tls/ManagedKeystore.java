package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * The PKCS#12 keystore the CRM creates for HTTPS when none is there: {@code crm-tls.p12} with a new EC P-256 key and a
 * self-signed certificate, protected by a random password kept owner-only beside it in {@code crm-tls.p12.password},
 * which pax-web's configuration reads through the {@code $[secret:crm-tls.p12.password]} placeholder.
 *
 * <p>An existing keystore is never touched, whoever made it. The password file is written first (replacing a stale one
 * left without its keystore), then the keystore, so a crash in between only means a new pair on the next start.
 */
public final class ManagedKeystore {

    /** The keystore's file name in Karaf's {@code etc/}. */
    public static final String KEYSTORE_FILE = "crm-tls.p12";
    /** The password's file name in Karaf's {@code etc/}, the secret name in pax-web's configuration. */
    public static final String PASSWORD_FILE = KEYSTORE_FILE + ".password";
    /** The alias of the key entry. */
    public static final String ALIAS = "crm-tls";

    private static final int PASSWORD_BYTES = 32;

    private final Path keystore;
    private final Path passwordFile;
    private final Clock clock;
    private final SecureRandom random;

    /** The keystore and password files in {@code directory}. */
    public ManagedKeystore(Path directory, Clock clock, SecureRandom random) {
        this.keystore = directory.resolve(KEYSTORE_FILE).toAbsolutePath();
        this.passwordFile = directory.resolve(PASSWORD_FILE).toAbsolutePath();
        this.clock = clock;
        this.random = random;
    }

    /** The keystore file. */
    public Path keystore() {
        return keystore;
    }

    /** The password file. */
    public Path passwordFile() {
        return passwordFile;
    }

    /**
     * Creates the keystore and its password file unless the keystore exists.
     *
     * @return true if it created them, false if the keystore was already there
     */
    public boolean createIfMissing(TlsSettings settings) throws IOException, GeneralSecurityException {
        if (Files.exists(keystore, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(settings.commonName(), settings.hostNames(),
                settings.validity(), clock, random);
        char[] password = newPassword();
        try {
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            certificate.writePkcs12(keystore, ALIAS, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return true;
    }

    /** 256 random bits, base64url without padding: no character the placeholder or a properties file would alter. */
    private char[] newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
        char[] password = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            password[i] = (char) encoded[i];
        }
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(encoded, (byte) 0);
        return password;
    }

    /** Writes {@code content} to a new owner-only temporary file beside {@code target}, then moves it over {@code target}. */
    private static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        try {
            OwnerOnlyFiles.write(target, content, ManagedKeystore::replace);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static void replace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
