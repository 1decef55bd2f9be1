package org.bastion.crm.api.crypto;

import org.bastion.crm.api.ServiceUnavailableException;

/** The master key is locked (missing keystore, wrong or absent passphrase): nothing can be encrypted or decrypted. */
public class KeysLockedException extends ServiceUnavailableException {

    private static final long serialVersionUID = 1L;

    public KeysLockedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "keys-locked";
    }
}
