package org.bastion.crm.rest.internal.request;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.problem.ProblemResponses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Answers 415 to a body whose Content-Type is a wildcard ({@code *}{@code /*}, {@code application/*}): a body has one
 * concrete type, and JAX-RS would otherwise match a wildcard to whatever reader an operation consumes.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("bastion-crm-wildcard-content-type")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
public class WildcardContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unparseable) {
            return; // not a wildcard: JAX-RS refuses it as it refuses any type no operation consumes
        }
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype()) && hasBody(request)) {
            request.abortWith(ProblemResponses.toResponse(ProblemResponses.problem(ProblemResponses.codeOf(415),
                    ProblemResponses.titleOf(415), 415, "A request body needs a concrete Content-Type, such as "
                            + "application/json, not a wildcard.",
                    request.getUriInfo().getRequestUri().getRawPath(),
                    List.of(new FieldError("Content-Type", "must not be a wildcard")))));
        }
    }

    /** Whether a body came; one the container cannot even deliver (a malformed chunked body) counts as one. */
    private static boolean hasBody(ContainerRequestContext request) {
        try {
            return request.hasEntity();
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
