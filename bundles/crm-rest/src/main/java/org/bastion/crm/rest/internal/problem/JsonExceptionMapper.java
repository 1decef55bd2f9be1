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

import com.fasterxml.jackson.core.JsonProcessingException;

/** Answers request bodies Jackson cannot read as a 400 problem naming the offending JSON path. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("bastion-crm-problem-json")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ExceptionProblems.toResponse(exception, RequestPaths.of(uriInfo));
    }
}
