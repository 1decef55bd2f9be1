package org.bastion.crm.rest.internal.headers;

import java.util.List;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.SecurityHeaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Adds the security headers every API response needs: HSTS on HTTPS, no caching unless the resource chose a policy
 * itself (responses may carry personal data), no content sniffing, no framing, and no referrer leaving the API.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("bastion-crm-security-headers")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    /** The HSTS value (shared with every other layer that answers HTTP requests). */
    static final String STRICT_TRANSPORT_SECURITY = SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        SecurityHeaders.DEFAULTS.forEach((name, value) -> headers.putIfAbsent(name, List.of(value)));
        SecurityHeaders.FIXED.forEach(headers::putSingle);
        if (isSecure(request)) {
            // RFC 6797 8.1: browsers ignore the header over plain HTTP, so it is only sent where it means something
            headers.putSingle(SecurityHeaders.STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY);
        }
    }

    /** Over TLS: the request URI's scheme, as the container saw it (an authentication filter may replace the security context). */
    private static boolean isSecure(ContainerRequestContext request) {
        boolean https = request.getUriInfo() != null && request.getUriInfo().getRequestUri() != null
                && "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        return https || (request.getSecurityContext() != null && request.getSecurityContext().isSecure());
    }
}
