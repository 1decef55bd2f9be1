package org.bastion.crm.crypto.internal.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.KeyPurpose;

/**
 * Blind-index tokens: HMAC-SHA256, keyed by a blind-index data key version, over the domain (UTF-8), a 0 byte and the
 * term (UTF-8); the first 8 bytes of the MAC, big-endian, are the token. One {@link Mac} per thread.
 */
public final class BlindIndex {

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(BlindIndex::newMac);

    private BlindIndex() {
    }

    /** One token per live (ACTIVE or RETIRING) blind-index key version, by ascending version. */
    public static List<BlindToken> tokens(DataKeys keys, String domain, String normalisedTerm) {
        if (domain == null || domain.isEmpty() || domain.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a blind-index domain is required and may not contain a 0 character");
        }
        if (normalisedTerm == null) {
            throw new IllegalArgumentException("a blind-index term is required");
        }
        List<BlindToken> tokens = new ArrayList<>(2);
        for (int version : keys.liveVersions(KeyPurpose.BLIND_INDEX)) {
            long value = keys.material(KeyPurpose.BLIND_INDEX, version).use(key -> token(key, domain, normalisedTerm));
            tokens.add(new BlindToken(version, value));
        }
        return tokens;
    }

    /** The token of {@code term} in {@code domain} under {@code key}. */
    public static long token(byte[] key, String domain, String term) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused a 256-bit key", e);
        }
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(term.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(mac.doFinal()).getLong();
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256", "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 (SunJCE) is missing", e);
        }
    }
}
