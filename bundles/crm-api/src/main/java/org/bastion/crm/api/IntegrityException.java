package org.bastion.crm.api;

/**
 * Stored data failed its integrity check (a ciphertext was altered, moved to another record or field, or its key is
 * wrong). The message is for the log only; clients are told no more than that a record failed the check.
 */
public class IntegrityException extends CrmException {

    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "integrity-failure";
    }
}
