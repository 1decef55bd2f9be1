package org.bastion.crm.rest.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BodySizeLimitFilterTest {

    private final ContainerRequestContext request = mock(ContainerRequestContext.class);

    @Test
    void declaredLengthOverTheLimitIsRefusedAtOnceWith413() {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(URI.create("http://h/api/v1/contacts"));
        when(request.getUriInfo()).thenReturn(uriInfo);
        when(request.getLength()).thenReturn((int) CrmRest.MAX_BODY_BYTES + 1);

        new BodySizeLimitFilter().filter(request);

        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        assertThat(response.getValue().getStatus()).isEqualTo(413);
        assertThat(response.getValue().getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
        assertThat((String) response.getValue().getEntity()).contains("payload-too-large", "/api/v1/contacts");
        verify(request, never()).setEntityStream(any());
    }

    @Test
    void bodyWithoutLengthIsCountedWhileRead() throws Exception {
        when(request.getLength()).thenReturn(-1);
        when(request.hasEntity()).thenReturn(true);
        when(request.getEntityStream()).thenReturn(new ByteArrayInputStream(new byte[11]));

        new BodySizeLimitFilter(10).filter(request);

        ArgumentCaptor<InputStream> stream = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(stream.capture());
        verify(request, never()).abortWith(any());
        assertThatThrownBy(() -> stream.getValue().readAllBytes()).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void countingStreamPassesBodiesUpToTheLimit() throws Exception {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10)) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void countingStreamCountsSingleBytesAndSkips() throws Exception {
        InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[5]), 3);
        in.read();
        in.skip(2);
        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void bodyTheContainerCannotDeliverIsRefusedWith400BeforeAnyResource() {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(URI.create("http://h/api/v1/auth/login"));
        when(request.getUriInfo()).thenReturn(uriInfo);
        when(request.getLength()).thenReturn(-1);
        // what Jetty throws when asked for the available bytes of a malformed chunked body
        when(request.hasEntity()).thenThrow(new IllegalStateException("Parser is terminated"));

        new BodySizeLimitFilter().filter(request);

        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        assertThat(response.getValue().getStatus()).isEqualTo(400);
        assertThat((String) response.getValue().getEntity()).contains("could not be read").doesNotContain("Parser");
    }

    @Test
    void countingStreamTurnsTheContainersFailuresIntoAnUnreadableBody() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("Parser is terminated");
            }
        };
        InputStream in = new LimitedInputStream(failing, 10);
        assertThatThrownBy(in::read).isInstanceOf(BodyUnreadableException.class);
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(BodyUnreadableException.class);
    }
}
