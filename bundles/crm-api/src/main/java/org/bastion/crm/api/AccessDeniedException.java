package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/** The caller is known but may not do this; maps to HTTP 403. */
@ProblemType(status = 403)
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
