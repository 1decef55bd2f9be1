package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/** A part the request needs is not available right now (for example, the encryption keys are locked); retry later. */
@ProblemType(status = 503)
public class ServiceUnavailableException extends CrmException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unavailable";
    }
}
