package org.bastion.crm.security.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import org.junit.jupiter.api.Test;

class PaxWebSettingsTest {

    private static Hashtable<String, Object> properties(String... pairs) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void theDistributionsSettingsMeanHttpsOnlyOn8443() {
        assertThat(PaxWebSettings.from(properties("org.osgi.service.http.enabled", "false",
                "org.osgi.service.http.port.secure", "8443"))).isEqualTo(new PaxWebSettings(false, 8443));
    }

    @Test
    void plainHttpOnAndAnotherPortAreRead() {
        assertThat(PaxWebSettings.from(properties("org.osgi.service.http.enabled", " true ",
                "org.osgi.service.http.port.secure", "9443"))).isEqualTo(new PaxWebSettings(true, 9443));
    }

    @Test
    void missingOrMalformedValuesFallBackToPaxWebsDefaults() {
        assertThat(PaxWebSettings.from(null)).isEqualTo(new PaxWebSettings(true, 8443));
        assertThat(PaxWebSettings.from(properties("org.osgi.service.http.port.secure", "port")))
                .isEqualTo(new PaxWebSettings(true, 8443));
    }
}
