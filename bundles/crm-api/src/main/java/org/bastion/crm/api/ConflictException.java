package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/** The request clashes with the current state (a duplicate, or a record other records still refer to). */
@ProblemType(status = 409)
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
