package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signedBytesAreTheTimestampADotAndTheBody() {
        assertThat(new String(WebhookSigner.signedBytes(1_700_000_000L, BODY), StandardCharsets.UTF_8))
                .isEqualTo("1700000000.{\"a\":1}");
    }

    @Test
    void signatureMatchesOpensslOverTheDocumentedBytes() {
        // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'top-secret'
        assertThat(new WebhookSigner("top-secret").signature(1_700_000_000L, BODY))
                .isEqualTo("sha256=d2025794836f47aaa594a141e200ddfcf1ac5c703eeec4de43cd38a72262c5f3");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        WebhookSigner signer = new WebhookSigner("top-secret");
        assertThat(signer.signature(1_700_000_001L, BODY)).isNotEqualTo(signer.signature(1_700_000_000L, BODY));
    }

    @Test
    void noSignerWithoutASecret() {
        assertThatThrownBy(() -> new WebhookSigner("")).isInstanceOf(IllegalArgumentException.class);
    }
}
