package org.bastion.crm.audit.internal.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.audit.internal.chain.Checkpoint;

/** Checks checkpoint signatures with the public audit-signing keys (fetched once per version, checked by the JDK). */
final class SignatureCheck {

    private final SigningKeys keys;
    private final Map<Integer, PublicKey> publicKeys = new HashMap<>();

    SignatureCheck(SigningKeys keys) {
        this.keys = keys;
    }

    /** Null when the checkpoint's signature is valid, else what is wrong. */
    String problem(Checkpoint checkpoint) {
        if (keys == null) {
            return "checkpoint " + checkpoint.sequence() + " cannot be checked: the audit-signing keys are not"
                    + " available";
        }
        try {
            PublicKey key = publicKeys.computeIfAbsent(checkpoint.keyVersion(), this::load);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(Checkpoint.message(checkpoint.sequence(), checkpoint.entryHash()));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature())) ? null
                    : "the signature of checkpoint " + checkpoint.sequence() + " is not valid";
        } catch (CrmException | IllegalArgumentException | GeneralSecurityException e) {
            return "the signature of checkpoint " + checkpoint.sequence() + " cannot be checked (key version "
                    + checkpoint.keyVersion() + ": " + e.getClass().getSimpleName() + ")";
        }
    }

    private PublicKey load(int version) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(keys.publicKey(KeyPurpose.AUDIT_SIGNING, version)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
