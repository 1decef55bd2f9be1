package org.bastion.crm.security.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

class SecurityHeadersCustomizerTest {

    private final Connector connector = mock(Connector.class);
    private final HttpConfiguration configuration = new HttpConfiguration();


    @Test
    void everyResponseOverTlsGetsTheSecurityHeadersAndGoesOnToTheWebContexts() throws Exception {
        Request request = mock(Request.class);
        when(request.isSecure()).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        Response response = mock(Response.class);
        when(request.getResponse()).thenReturn(response);

        new SecurityHeadersCustomizer().customize(connector, configuration, request);

        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("X-Frame-Options", "DENY");
        verify(response).setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        verify(response).setHeader("Referrer-Policy", "no-referrer");
        verify(response).setHeader("Cache-Control", "no-store");
        verify(response).setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        verify(request, never()).setHandled(anyBoolean());
    }

    @Test
    void traceIsRefusedWithAProblemBeforeAnyContext() throws Exception {
        Request request = mock(Request.class);
        when(request.getMethod()).thenReturn("TRACE");
        Response response = mock(Response.class);
        when(request.getResponse()).thenReturn(response);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new javax.servlet.ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(javax.servlet.WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });

        new SecurityHeadersCustomizer().customize(connector, configuration, request);

        verify(request).setHandled(true);
        verify(response).setStatus(405);
        verify(response).setHeader("Cache-Control", "no-store");
        assertThat(body.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"type\":\"https://bastion-crm.org/problems/method-not-allowed\"");
    }

    @Test
    void aPlainRequestGetsNoHsts() throws Exception {
        Request request = mock(Request.class);
        Response response = mock(Response.class);
        when(request.getResponse()).thenReturn(response);

        new SecurityHeadersCustomizer().customize(connector, configuration, request);

        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response, never()).setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void theFirstRequestMakesTheProblemErrorHandlerTheServersOnce() {
        Server server = new Server();
        when(connector.getServer()).thenReturn(server);
        Request request = mock(Request.class);
        when(request.getMethod()).thenReturn("GET");
        when(request.getResponse()).thenReturn(mock(Response.class));

        SecurityHeadersCustomizer customizer = new SecurityHeadersCustomizer();
        customizer.customize(connector, configuration, request);
        org.eclipse.jetty.server.handler.ErrorHandler first = server.getErrorHandler();
        customizer.customize(connector, configuration, request);

        assertThat(server.getErrorHandler()).isInstanceOf(ServerErrorHandler.class);
        assertThat(server.getBean(org.eclipse.jetty.server.handler.ErrorHandler.class))
                .isInstanceOf(ServerErrorHandler.class);
        assertThat(server.getErrorHandler()).isSameAs(first);
    }
}
