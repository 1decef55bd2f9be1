package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CryptoSettingsTest {

    private static CryptoConfiguration configuration(String keystore, String passphraseFile, int cacheSize) {
        CryptoConfiguration configuration = mock(CryptoConfiguration.class);
        when(configuration.keystore()).thenReturn(keystore);
        when(configuration.passphraseFile()).thenReturn(passphraseFile);
        when(configuration.recordKeyCacheSize()).thenReturn(cacheSize);
        when(configuration.rotationBatchSize()).thenReturn(500);
        return configuration;
    }

    @Test
    void karafEtcIsTheSystemPropertyOrEtc() {
        String before = System.getProperty("karaf.etc");
        try {
            System.clearProperty("karaf.etc");
            assertThat(CryptoSettings.from(configuration("${karaf.etc}/crm-master.p12", "", 10)).keystore())
                    .isEqualTo(Path.of("etc/crm-master.p12").toAbsolutePath());

            System.setProperty("karaf.etc", "/opt/crm/etc");
            CryptoSettings settings = CryptoSettings.from(configuration("${karaf.etc}/crm-master.p12", " ", 10));
            assertThat(settings.keystore()).isEqualTo(Path.of("/opt/crm/etc/crm-master.p12"));
            assertThat(settings.passphraseFile()).isNull();
            assertThat(settings.generatedPassphraseFile()).isEqualTo(Path.of("/opt/crm/etc/crm-master.passphrase"));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", before);
            }
        }
    }

    @Test
    void aPassphraseFileIsResolvedAndSizesStayPositive() {
        CryptoSettings settings = CryptoSettings.from(configuration("/keys/master.p12", "/secrets/crm.pass", 0));

        assertThat(settings.passphraseFile()).isEqualTo(Path.of("/secrets/crm.pass"));
        assertThat(settings.recordKeyCacheSize()).isEqualTo(1);
        assertThat(settings.generatedPassphraseFile()).isEqualTo(Path.of("/keys/master.passphrase"));
    }
}
