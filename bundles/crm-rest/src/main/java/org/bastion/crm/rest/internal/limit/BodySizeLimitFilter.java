package org.bastion.crm.rest.internal.limit;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.problem.ExceptionProblems;
import org.bastion.crm.rest.internal.problem.ProblemResponses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses request bodies over {@link CrmRest#MAX_BODY_BYTES}: at once (413) when Content-Length says so, otherwise
 * (chunked or understated bodies) by counting the bytes as they are read.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("bastion-crm-body-limit")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {

    private final long limit;

    public BodySizeLimitFilter() {
        this(CrmRest.MAX_BODY_BYTES);
    }

    BodySizeLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            request.abortWith(ProblemResponses.toResponse(
                    ExceptionProblems.tooLarge(request.getUriInfo().getRequestUri().getRawPath())));
            return;
        }
        boolean hasEntity;
        try {
            hasEntity = request.hasEntity();
        } catch (RuntimeException unreadable) {
            // asking whether a body is there reads from it: a malformed chunked body fails here already
            request.abortWith(ProblemResponses.toResponse(
                    ExceptionProblems.unreadableBody(request.getUriInfo().getRequestUri().getRawPath())));
            return;
        }
        if (hasEntity) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }
}
