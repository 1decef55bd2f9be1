package org.bastion.crm.security.internal.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * An EC P-256 key pair with a self-signed X.509 v3 server certificate for HTTPS out of the box, writable as a PKCS#12 keystore.
 *
 * <p>The certificate names the host as {@code CN} and lists {@code DNS:localhost}, {@code IP:127.0.0.1}, the host and any extra
 * names as subject alternative names; it is signed with SHA256withECDSA, is not a CA ({@code basicConstraints CA=false},
 * critical), may only sign ({@code keyUsage digitalSignature}, critical) and is for TLS servers ({@code extendedKeyUsage
 * serverAuth}). Its serial number is 128 random bits and it is valid from five minutes before generation (for clock skew)
 * to the end of the requested validity. Signing and parsing use the JDK's providers; Bouncy Castle only builds the ASN.1.
 */
public final class SelfSignedCertificate {

    /** Default validity, the longest that browsers accepted for TLS server certificates at the time. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(825);

    private static final Duration BACKDATING = Duration.ofMinutes(5);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A new key pair and certificate for {@code host}, valid for {@link #DEFAULT_VALIDITY} from now. */
    public static SelfSignedCertificate generate(String host) throws GeneralSecurityException {
        return generate(host, List.of(), DEFAULT_VALIDITY, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * A new key pair and certificate for {@code host}; {@code extraNames} are further host names or IP literals for the subject
     * alternative names, {@code validity} counts from {@code clock}'s present.
     */
    public static SelfSignedCertificate generate(String host, List<String> extraNames, Duration validity, Clock clock,
            SecureRandom random) throws GeneralSecurityException {
        requireName(host);
        Objects.requireNonNull(extraNames, "extraNames");
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keyPair = generator.generateKeyPair();

        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, host).build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(random),
                    Date.from(now.minus(BACKDATING)), Date.from(now.plus(validity)), subject, keyPair.getPublic());
            JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(host, extraNames));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(keyPair.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setSecureRandom(random)
                    .build(keyPair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            certificate.verify(keyPair.getPublic());
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("could not build the self-signed certificate", e);
        }
    }

    /** The key pair; the private key belongs in a keystore and nowhere else. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** The self-signed certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** An in-memory PKCS#12 keystore holding the private key and certificate under {@code alias}, protected by {@code password}. */
    public KeyStore toKeyStore(String alias, char[] password) throws GeneralSecurityException {
        requireName(alias);
        Objects.requireNonNull(password, "password");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("could not create an empty keystore", e);
        }
        keyStore.setKeyEntry(alias, keyPair.getPrivate(), password, new Certificate[] {certificate});
        return keyStore;
    }

    /**
     * Writes the PKCS#12 keystore to {@code file}, which must not exist: the bytes go to a temporary file in the same
     * directory (owner read/write only where the file system supports POSIX permissions), are forced to disk, and the
     * temporary file is then linked or moved to {@code file} without ever replacing an existing file.
     *
     * @throws FileAlreadyExistsException if {@code file} exists, before or during the write
     */
    public void writePkcs12(Path file, String alias, char[] password) throws IOException, GeneralSecurityException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        toKeyStore(alias, password).store(bytes, password);

        OwnerOnlyFiles.write(target, bytes.toByteArray(), SelfSignedCertificate::publish);
    }

    /** Makes {@code temporary} visible as {@code target}: a hard link fails atomically if the target exists. */
    private static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException e) {
            // no hard links on this file system: a move without REPLACE_EXISTING still refuses an existing target
            Files.move(temporary, target);
        }
    }

    private static GeneralNames alternativeNames(String host, List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        names.add(host);
        for (String name : extraNames) {
            requireName(name);
            names.add(name);
        }
        List<GeneralName> generalNames = new ArrayList<>(names.size());
        for (String name : names) {
            boolean ipLiteral = IPAddress.isValid(name);
            generalNames.add(new GeneralName(ipLiteral ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(generalNames.toArray(GeneralName[]::new));
    }

    private static BigInteger randomSerial(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || !name.strip().equals(name)) {
            throw new IllegalArgumentException("a name must be non-blank without surrounding whitespace");
        }
    }
}
