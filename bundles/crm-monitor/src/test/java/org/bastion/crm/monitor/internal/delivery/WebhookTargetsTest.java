package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    @Test
    void plainHttpIsRefusedAndTheOthersKept() {
        WebhookTargets targets = WebhookTargets.of(List.of("https://a.example/hook", "http://b.example/hook",
                "https://c.example:8443/x?token=1"));
        assertThat(targets.accepted()).containsExactly(URI.create("https://a.example/hook"),
                URI.create("https://c.example:8443/x?token=1"));
        assertThat(targets.refused()).singleElement().asString()
                .contains("entry 2", "http://b.example", "not https").doesNotContain("/hook");
    }

    @Test
    void malformedAndHostlessUrlsAreRefused() {
        WebhookTargets targets = WebhookTargets.of(List.of("https:///nohost", "ht tp://x", "ftp://x.example/"));
        assertThat(targets.accepted()).isEmpty();
        assertThat(targets.refused()).hasSize(3);
    }

    @Test
    void commaSeparatedValuesAreSplit() {
        assertThat(Settings.list(new String[] {"https://a.example, https://b.example", " "}))
                .containsExactly("https://a.example", "https://b.example");
    }
}
