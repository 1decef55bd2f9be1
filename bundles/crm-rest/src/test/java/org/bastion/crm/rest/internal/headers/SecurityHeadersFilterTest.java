package org.bastion.crm.rest.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    private static MultivaluedMap<String, Object> filtered(MultivaluedMap<String, Object> headers) {
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getHeaders()).thenReturn(headers);
        new SecurityHeadersFilter().filter(mock(ContainerRequestContext.class), response);
        return headers;
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
}
