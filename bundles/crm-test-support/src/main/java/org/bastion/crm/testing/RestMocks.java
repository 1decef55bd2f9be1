package org.bastion.crm.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;

import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

/** What the JAX-RS runtime would hand a resource about the request, as Mockito mocks. */
public final class RestMocks {

    private RestMocks() {
    }

    /** The {@link UriInfo} of a request to {@code absolute}: its request URI and its absolute path (no query). */
    public static UriInfo uri(String absolute) {
        URI uri = URI.create(absolute);
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(uri);
        when(uriInfo.getAbsolutePathBuilder()).thenAnswer(call -> UriBuilder.fromUri(uri).replaceQuery(null));
        return uriInfo;
    }
}
