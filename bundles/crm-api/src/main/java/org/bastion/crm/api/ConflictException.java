package org.bastion.crm.api;

/** The request clashes with the current state (a duplicate, or a record other records still refer to). */
public class ConflictException extends CrmException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "conflict";
    }
}
