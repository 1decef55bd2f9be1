package org.bastion.crm.api;

/** The root of the errors Bastion CRM services raise on purpose; each subtype maps to one problem type. */
public abstract class CrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    /** A stable, short code for this kind of error (the last segment of the problem {@code type} URI). */
    public abstract String code();
}
