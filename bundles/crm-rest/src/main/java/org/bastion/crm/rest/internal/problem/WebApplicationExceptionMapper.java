package org.bastion.crm.rest.internal.problem;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Answers the HTTP errors of JAX-RS itself (404, 405, 406, 413, 415, ...) as problem+json, keeping status and headers. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("bastion-crm-problem-http")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ExceptionProblems.toResponse(exception, RequestPaths.of(uriInfo));
    }
}
