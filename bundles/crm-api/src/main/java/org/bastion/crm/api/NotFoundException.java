package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/** The record asked for does not exist (or the caller may not know it exists). */
@ProblemType(status = 404)
public class NotFoundException extends CrmException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
    }

    @Override
    public String code() {
        return "not-found";
    }
}
