package org.bastion.crm.security.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    @Test
    void anEmptyConfigurationGivesTheDefaults() {
        TlsSettings settings = TlsSettings.from(Map.of());

        assertThat(settings.hostNames()).isEmpty();
        assertThat(settings.validity()).isEqualTo(Duration.ofDays(825));
        assertThat(settings.commonName()).isEqualTo("localhost");
    }

    @Test
    void hostNamesAreSplitOnCommasAndSpacesAndTheFirstIsTheCommonName() {
        TlsSettings settings = TlsSettings.from(Map.of("hostNames", " crm.example.org, 10.0.0.7  ::1,,crm ",
                "validityDays", "90"));

        assertThat(settings.hostNames()).containsExactly("crm.example.org", "10.0.0.7", "::1", "crm");
        assertThat(settings.commonName()).isEqualTo("crm.example.org");
        assertThat(settings.validity()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void numbersAreAcceptedAsWellAsStrings() {
        assertThat(TlsSettings.from(Map.of("validityDays", 30)).validity()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void invalidValuesAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> TlsSettings.from(Map.of("validityDays", "a year")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validityDays");
        assertThatThrownBy(() -> TlsSettings.from(Map.of("validityDays", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validityDays");
        assertThatThrownBy(() -> TlsSettings.from(Map.of("validityDays", "826")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validityDays");
        assertThatThrownBy(() -> TlsSettings.from(Map.of("hostNames", "crm.example.org,bad_name!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostNames");
        assertThatThrownBy(() -> new TlsSettings(List.of("-leading-dash.example"), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
