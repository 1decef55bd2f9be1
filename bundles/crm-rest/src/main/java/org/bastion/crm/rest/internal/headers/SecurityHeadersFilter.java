package org.bastion.crm.rest.internal.headers;

import java.util.List;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.bastion.crm.api.rest.CrmRest;
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

    /** One year, subdomains included: browsers then refuse plain HTTP to this host for that long. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, List.of("no-store"));
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putIfAbsent("Content-Security-Policy", List.of("frame-ancestors 'none'"));
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (isSecure(request)) {
            // RFC 6797 8.1: browsers ignore the header over plain HTTP, so it is only sent where it means something
            headers.putSingle("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /** Over TLS: the request URI's scheme, as the container saw it (an authentication filter may replace the security context). */
    private static boolean isSecure(ContainerRequestContext request) {
        boolean https = request.getUriInfo() != null && request.getUriInfo().getRequestUri() != null
                && "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        return https || (request.getSecurityContext() != null && request.getSecurityContext().isSecure());
    }
}
