package org.bastion.crm.api;

/** The caller is known but may not do this; maps to HTTP 403. */
public class AccessDeniedException extends CrmException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
