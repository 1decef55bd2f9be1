package org.bastion.crm.security.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

class ServerErrorHandlerTest {

    private final ServerErrorHandler handler = new ServerErrorHandler();

    @Test
    void aMalformedRequestGetsTheSecurityHeadersAndAProblemThatDoesNotQuoteTheParser() {
        HttpFields fields = new HttpFields();

        ByteBuffer body = handler.badMessageError(400, "Illegal character SPACE=' '", fields);

        assertThat(fields.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(fields.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(fields.get("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(fields.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(fields.get("Cache-Control")).isEqualTo("no-store");
        assertThat(fields.get("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(fields.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(BufferUtil.toString(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"https://bastion-crm.org/problems/bad-request\",\"title\":\"Bad request\",\"status\":400}");
    }

    @Test
    void oversizedHeadersGetTheirOwnProblemType() {
        ByteBuffer body = handler.badMessageError(431, "Request Header Fields Too Large", new HttpFields());

        assertThat(BufferUtil.toString(body, StandardCharsets.UTF_8))
                .contains("\"type\":\"https://bastion-crm.org/problems/request-header-fields-too-large\"")
                .contains("\"status\":431");
    }

    @Test
    void everyMethodGetsABody() {
        assertThat(handler.errorPageForMethod("TRACE")).isTrue();
        assertThat(handler.errorPageForMethod("FOO")).isTrue();
    }

    @Test
    void anErrorOutsideEveryContextIsAProblemWithTheHeaders() throws Exception {
        Request request = mock(Request.class);
        when(request.isSecure()).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });

        handler.generateAcceptableResponse(request, request, response, 500, "javax.servlet.ServletException: boom");

        verify(request).setHandled(true);
        verify(response).setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setContentType("application/problem+json");
        assertThat(body.toString(StandardCharsets.UTF_8))
                .contains("\"type\":\"https://bastion-crm.org/problems/internal-error\"")
                .doesNotContain("javax").doesNotContain("boom");
    }
}
