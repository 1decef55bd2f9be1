package org.bastion.crm.rest.internal.body;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.problem.ProblemResponses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses a request body sent to an operation that takes none (a GET, a DELETE, a POST such as logout): a body that
 * is present and not empty is answered 400 problem+json before the resource runs, so no operation silently ignores
 * what a client meant to send. It knows from the matched resource method whether it reads an entity, so every
 * bundle's resources, a vendor's included, get the rule without code. An empty body ({@code Content-Length: 0}) is
 * no body.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("bastion-crm-no-body")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class NoBodyFilter implements ContainerRequestFilter {

    /** The problem code (type suffix) of the refusal. */
    static final String CODE = "body-not-allowed";

    private final EntityParameters entityParameters = new EntityParameters();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (entityParameters.takesBody(resourceInfo == null ? null : resourceInfo.getResourceMethod())
                || !request.hasEntity()) {
            return;
        }
        request.abortWith(ProblemResponses.toResponse(ProblemResponses.problem(CODE, "Body not allowed", 400,
                request.getMethod() + " on this path takes no request body; send it without one.",
                request.getUriInfo().getRequestUri().getRawPath(), null)));
    }
}
