package org.bastion.crm.crypto.internal;

import java.nio.file.Path;

/**
 * The {@link CryptoConfiguration} resolved: paths made concrete ({@code ${karaf.etc}} replaced) and sizes kept at
 * least 1.
 *
 * @param keystore the PKCS#12 keystore of the master key
 * @param passphraseFile the configured passphrase file, or null
 * @param production whether the passphrase generated beside the keystore is refused
 * @param recordKeyCacheSize how many unwrapped record keys stay in memory
 * @param rotationBatchSize how many items a rotation moves per transaction
 */
public record CryptoSettings(Path keystore, Path passphraseFile, boolean production, int recordKeyCacheSize,
                             int rotationBatchSize) {

    private static final String KARAF_ETC = "${karaf.etc}";

    public CryptoSettings {
        keystore = keystore.toAbsolutePath().normalize();
        passphraseFile = passphraseFile == null ? null : passphraseFile.toAbsolutePath().normalize();
        recordKeyCacheSize = Math.max(1, recordKeyCacheSize);
        rotationBatchSize = Math.max(1, rotationBatchSize);
    }

    /** Resolves a configuration; {@code ${karaf.etc}} is the system property karaf.etc, else {@code etc}. */
    public static CryptoSettings from(CryptoConfiguration configuration) {
        String passphraseFile = configuration.passphraseFile() == null ? "" : configuration.passphraseFile().trim();
        return new CryptoSettings(resolve(configuration.keystore()),
                passphraseFile.isEmpty() ? null : resolve(passphraseFile), configuration.production(),
                configuration.recordKeyCacheSize(), configuration.rotationBatchSize());
    }

    /** The passphrase file generated at first boot beside the keystore: its name without {@code .p12}, plus {@code .passphrase}. */
    public Path generatedPassphraseFile() {
        String name = keystore.getFileName().toString();
        String base = name.endsWith(".p12") ? name.substring(0, name.length() - 4) : name;
        return keystore.resolveSibling(base + ".passphrase");
    }

    private static Path resolve(String configured) {
        String value = configured == null || configured.isBlank() ? KARAF_ETC + "/crm-master.p12" : configured.trim();
        return Path.of(value.replace(KARAF_ETC, System.getProperty("karaf.etc", "etc")));
    }
}
