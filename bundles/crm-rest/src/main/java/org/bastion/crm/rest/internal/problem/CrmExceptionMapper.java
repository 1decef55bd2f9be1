package org.bastion.crm.rest.internal.problem;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.audit.RestAudit;
import org.bastion.crm.rest.internal.caller.RequestCaller;
import org.bastion.crm.rest.internal.caller.RequestClient;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Answers the errors CRM services raise on purpose as problem+json, with the status, title and headers their type
 * declares ({@link org.bastion.crm.api.rest.ProblemType}, {@link org.bastion.crm.api.rest.ProblemHeaders}); 400 if none.
 * A 404 for a record outside the caller's scope is answered like any 404 and recorded as a denial ({@link RestAudit}).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("bastion-crm-problem-crm")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class CrmExceptionMapper implements ExceptionMapper<CrmException> {

    @Context
    UriInfo uriInfo;

    /** The request's method, for the audit trail (a thread-local proxy the JAX-RS runtime injects). */
    @Context
    javax.ws.rs.core.Request request;

    /** Records out-of-scope refusals; always present (this bundle's own component). */
    @Reference
    RestAudit restAudit;

    @Override
    public Response toResponse(CrmException exception) {
        if (exception instanceof NotFoundException notFound && notFound.outOfScope()) {
            recordOutOfScope(notFound);
        }
        return ExceptionProblems.toResponse(exception, RequestPaths.of(uriInfo));
    }

    private void recordOutOfScope(NotFoundException refusal) {
        RestAudit audit = restAudit;
        if (audit == null) {
            return;
        }
        try {
            audit.outOfScope(refusal, request == null ? null : request.getMethod(),
                    uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(),
                    RequestCaller.get().orElse(Caller.ANONYMOUS), RequestClient.get().orElse(null));
        } catch (RuntimeException outsideARequest) {
            // the answer never depends on the trail
        }
    }
}
