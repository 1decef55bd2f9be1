package org.bastion.crm.api.crypto;

/**
 * One blind-index entry: a keyed HMAC-SHA256 of a normalised term, truncated to 64 bits, under one version of the
 * blind-index key. Equal terms give equal tokens under the same version; the term cannot be read back.
 *
 * @param keyVersion the blind-index key version that made the token
 * @param value the truncated HMAC
 */
public record BlindToken(int keyVersion, long value) {
}
