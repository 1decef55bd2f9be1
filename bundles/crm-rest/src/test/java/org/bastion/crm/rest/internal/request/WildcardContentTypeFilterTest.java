package org.bastion.crm.rest.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WildcardContentTypeFilterTest {

    private final WildcardContentTypeFilter filter = new WildcardContentTypeFilter();

    private static ContainerRequestContext request(MediaType type, boolean body) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUri()).thenReturn(URI.create("https://localhost/api/v1/teams/x"));
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getMediaType()).thenReturn(type);
        when(request.hasEntity()).thenReturn(body);
        return request;
    }

    @Test
    void aBodyWithAWildcardTypeIsRefusedWith415() {
        for (MediaType wildcard : new MediaType[] {MediaType.WILDCARD_TYPE, new MediaType("application", "*")}) {
            ContainerRequestContext request = request(wildcard, true);
            filter.filter(request);
            ArgumentCaptor<Response> refused = ArgumentCaptor.forClass(Response.class);
            verify(request).abortWith(refused.capture());
            assertThat(refused.getValue().getStatus()).as(wildcard.toString()).isEqualTo(415);
        }
    }

    @Test
    void concreteTypesAndBodilessRequestsPass() {
        ContainerRequestContext json = request(MediaType.APPLICATION_JSON_TYPE, true);
        ContainerRequestContext noBody = request(MediaType.WILDCARD_TYPE, false);
        filter.filter(json);
        filter.filter(noBody);
        verify(json, never()).abortWith(any());
        verify(noBody, never()).abortWith(any());
    }

    @Test
    void anUnparseableTypeIsLeftToJaxRs() {
        ContainerRequestContext request = request(null, true);
        when(request.getMediaType()).thenThrow(new IllegalArgumentException("application/"));
        filter.filter(request);
        verify(request, never()).abortWith(any());
    }
}
