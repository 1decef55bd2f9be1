package org.bastion.crm.monitor.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body: {@code X-Bastion-Signature: sha256=<hex>}, the lower-case hex HMAC-SHA256, keyed with the
 * UTF-8 bytes of the secret, of the signed bytes: the {@code X-Bastion-Timestamp} value (decimal epoch seconds, ASCII),
 * one {@code .}, then the body exactly as sent.
 */
final class WebhookSigner {

    /** The signature header. */
    static final String SIGNATURE_HEADER = "X-Bastion-Signature";
    /** The timestamp header (epoch seconds), part of the signed bytes against replay. */
    static final String TIMESTAMP_HEADER = "X-Bastion-Timestamp";
    /** A delivery's id, the same on each retry, so a receiver can drop duplicates. */
    static final String DELIVERY_HEADER = "X-Bastion-Delivery";

    private final byte[] secret;

    WebhookSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is needed");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes the signature covers: {@code <timestamp>.<body>}. */
    static byte[] signedBytes(long timestampSeconds, byte[] body) {
        byte[] prefix = (timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }

    /** The header value {@code sha256=<hex>} for this body sent at this time. */
    String signature(long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signedBytes(timestampSeconds, body)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is not available", missing);
        }
    }
}
