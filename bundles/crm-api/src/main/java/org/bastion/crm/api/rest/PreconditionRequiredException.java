package org.bastion.crm.api.rest;

import org.bastion.crm.api.CrmException;

/** A change was asked for without the {@code If-Match} header that proves the caller saw the current version (HTTP 428). */
@ProblemType(status = 428)
public class PreconditionRequiredException extends CrmException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "precondition-required";
    }
}
