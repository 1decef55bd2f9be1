package org.bastion.crm.rest.internal.caller;

import java.lang.reflect.Method;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * After matching, checks a request {@link CallerFilter} admitted as public by its path: it runs anonymously only if
 * the resource method JAX-RS matched is itself declared {@link PublicEndpoint}. When another resource serves the same
 * path (one bundle declaring public a path another also serves), the request is authenticated like any other instead,
 * and refused outside enrolment (fail closed).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(PublicMatchFilter.NAME)
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class PublicMatchFilter implements ContainerRequestFilter {

    /** The filter's {@code osgi.jaxrs.name}, which the application requires. */
    public static final String NAME = "bastion-crm-public-match";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestAuthenticator authenticator;

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!Boolean.TRUE.equals(request.getProperty(CallerFilter.PUBLIC_BY_PATH)) || matchedPublicMethod()) {
            return;
        }
        request.removeProperty(CallerFilter.PUBLIC_BY_PATH);
        Response refusal = Admission.admit(request, authenticator, remoteAddress(), false);
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }

    private boolean matchedPublicMethod() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method != null && method.isAnnotationPresent(PublicEndpoint.class);
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideAServletRequest) {
            return null;
        }
    }
}
