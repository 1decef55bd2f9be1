package org.bastion.crm.rest.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    private static ContainerRequestContext request(String uri, boolean secureContext) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(URI.create(uri));
        when(request.getUriInfo()).thenReturn(uriInfo);
        SecurityContext securityContext = mock(SecurityContext.class);
        when(securityContext.isSecure()).thenReturn(secureContext);
        when(request.getSecurityContext()).thenReturn(securityContext);
        return request;
    }

    private static MultivaluedMap<String, Object> filtered(ContainerRequestContext request,
            MultivaluedMap<String, Object> headers) {
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getHeaders()).thenReturn(headers);
        new SecurityHeadersFilter().filter(request, response);
        return headers;
    }

    private static MultivaluedMap<String, Object> filtered(MultivaluedMap<String, Object> headers) {
        return filtered(request("https://localhost:8443/api/v1/health", true), headers);
    }

    @Test
    void responsesAreNotCachedAndNotSniffedByDefault() {
        MultivaluedMap<String, Object> headers = filtered(new MultivaluedHashMap<>());
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("no-store");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aCachePolicyTheResourceChoseIsKept() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Cache-Control", "max-age=3600");
        assertThat(filtered(headers).getFirst("Cache-Control")).isEqualTo("max-age=3600");
    }

    @Test
    void responsesOverHttpsCarryHsts() {
        MultivaluedMap<String, Object> headers = filtered(new MultivaluedHashMap<>());
        assertThat(headers.get("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
    }

    @Test
    void responsesOverPlainHttpCarryNoHsts() {
        MultivaluedMap<String, Object> headers = filtered(request("http://localhost:8181/api/v1/health", false),
                new MultivaluedHashMap<>());
        assertThat(headers).doesNotContainKey("Strict-Transport-Security");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aSecureSecurityContextAloneIsEnoughForHsts() {
        MultivaluedMap<String, Object> headers = filtered(request("http://proxy.internal/api/v1/health", true),
                new MultivaluedHashMap<>());
        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void responsesMayNotBeFramedNorLeakTheirAddress() {
        MultivaluedMap<String, Object> headers = filtered(new MultivaluedHashMap<>());
        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.get("Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
        assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
    }

    @Test
    void headersAreNotDuplicatedWhenAlreadyPresent() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("X-Frame-Options", "SAMEORIGIN");
        filtered(headers);
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void aContentSecurityPolicyTheResourceChoseIsKept() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        assertThat(filtered(headers).get("Content-Security-Policy"))
                .containsExactly("default-src 'self'; frame-ancestors 'none'");
    }
}
