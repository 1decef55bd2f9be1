package org.bastion.crm.rest.internal.problem;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Answers the errors CRM services raise on purpose as problem+json, with the status, title and headers their type
 * declares ({@link org.bastion.crm.api.rest.ProblemType}, {@link org.bastion.crm.api.rest.ProblemHeaders}); 400 if none.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("bastion-crm-problem-crm")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class CrmExceptionMapper implements ExceptionMapper<CrmException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(CrmException exception) {
        return ExceptionProblems.toResponse(exception, RequestPaths.of(uriInfo));
    }
}
