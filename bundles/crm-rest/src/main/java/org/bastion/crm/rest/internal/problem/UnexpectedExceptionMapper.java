package org.bastion.crm.rest.internal.problem;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Answers any other failure as a 500 problem with an error id that is logged; the cause never leaves the server. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("bastion-crm-problem-unexpected")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return ExceptionProblems.toResponse(exception, RequestPaths.of(uriInfo));
    }
}
