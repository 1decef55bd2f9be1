package org.bastion.crm.rest.internal.headers;

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
 * Adds the headers every API response needs because it may carry personal data: no caching by browsers or proxies
 * unless the resource chose a policy itself, and no content sniffing.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("bastion-crm-security-headers")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of("no-store"));
        headers.putSingle("X-Content-Type-Options", "nosniff");
    }
}
