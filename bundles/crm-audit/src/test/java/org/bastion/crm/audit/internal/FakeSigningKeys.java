package org.bastion.crm.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.SigningKeys;

/** SigningKeys with the JDK's Ed25519: versions from 1, {@link #rotate}, {@link #locked}. */
public final class FakeSigningKeys implements SigningKeys {

    private final List<KeyPair> versions = new ArrayList<>();
    private volatile boolean locked;

    public FakeSigningKeys() {
        rotate();
    }

    public synchronized void rotate() {
        try {
            versions.add(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public void locked(boolean value) {
        locked = value;
    }

    @Override
    public synchronized SigningKeys.Signature sign(KeyPurpose purpose, byte[] data) {
        if (locked) {
            throw new KeysLockedException("locked");
        }
        try {
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(versions.get(versions.size() - 1).getPrivate());
            signer.update(data);
            return new SigningKeys.Signature(versions.size(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized byte[] publicKey(KeyPurpose purpose, int keyVersion) {
        if (keyVersion < 1 || keyVersion > versions.size()) {
            throw new NotFoundException("signing key version", keyVersion);
        }
        return versions.get(keyVersion - 1).getPublic().getEncoded();
    }

    @Override
    public synchronized boolean verify(KeyPurpose purpose, int keyVersion, byte[] data, byte[] signature) {
        if (keyVersion < 1 || keyVersion > versions.size()) {
            return false;
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(versions.get(keyVersion - 1).getPublic());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
