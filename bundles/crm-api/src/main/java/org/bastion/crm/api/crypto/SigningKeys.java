package org.bastion.crm.api.crypto;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Ed25519 signatures under keys crm-crypto holds for a signing purpose (such as {@link KeyPurpose#AUDIT_SIGNING}):
 * the private keys are wrapped by the master key like every data key and rotate like them; the public keys are given
 * out so that a third party can check a signature with standard tools, without the CRM.
 *
 * <p>While the master key is locked {@link #sign} throws {@link KeysLockedException}.
 */
@ProviderType
public interface SigningKeys {

    /**
     * A signature made with a signing key's version.
     *
     * @param keyVersion the version of the purpose's key that signed
     * @param signature the 64-byte Ed25519 signature
     */
    record Signature(int keyVersion, byte[] signature) {
    }

    /**
     * Signs {@code data} with the current key of {@code purpose}, making the first one when there is none yet.
     *
     * @throws IllegalArgumentException when {@code purpose} is not a signing purpose
     */
    Signature sign(KeyPurpose purpose, byte[] data);

    /**
     * The public key of a version of {@code purpose}'s key, DER-encoded X.509 SubjectPublicKeyInfo (as
     * {@code openssl pkey -pubin -inform DER} reads it).
     *
     * @throws org.bastion.crm.api.NotFoundException when there is no such version
     */
    byte[] publicKey(KeyPurpose purpose, int keyVersion);

    /** Whether {@code signature} is a valid signature of {@code data} by that version; false for unknown versions. */
    boolean verify(KeyPurpose purpose, int keyVersion, byte[] data, byte[] signature);
}
