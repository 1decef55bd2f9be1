package org.bastion.crm.rest.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsupportedCharsetFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=x-nonexistent", "application/json; charset=utf-7",
        "application/json; charset=UTF-8x", "application/json; charset=%", "text/plain;charset=\"bogus\"",
        "application/json; charset=\""})
    void aCharsetTheJvmDoesNotKnowIsUnreadable(String contentType) {
        assertThat(UnsupportedCharsetFilter.readable(contentType)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8",
        "application/merge-patch+json; charset=\"ISO-8859-1\"", "text/plain; charset=", "application/json; charset=\"\"",
        "*/*"})
    void noCharsetOrAKnownOneIsReadable(String contentType) {
        assertThat(UnsupportedCharsetFilter.readable(contentType)).isTrue();
    }

    @Test
    void aMissingContentTypeIsReadable() {
        assertThat(UnsupportedCharsetFilter.readable(null)).isTrue();
    }

    @Test
    void anUnknownCharsetIsAnswered415WithAProblemAndTheSecurityHeadersWithoutReachingTheServlet() throws Exception {
        HttpServletRequest request = request("POST", "application/json; charset=x-nonexistent");
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = captureBody(response);
        FilterChain chain = mock(FilterChain.class);

        new UnsupportedCharsetFilter().doFilter(request, response, chain);

        verify(chain, never()).doFilter(request, response);
        verify(response).setStatus(415);
        verify(response).setContentType("application/problem+json");
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        verify(response).setHeader("Cache-Control", "no-store");
        String json = body.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"https://bastion-crm.org/problems/unsupported-media-type\"")
                .contains("\"status\":415").contains("\"instance\":\"/api/v1/health\"")
                .doesNotContain("Exception").doesNotContain("x-nonexistent");
    }

    @Test
    void aReadableRequestGoesOnUntouched() throws Exception {
        HttpServletRequest request = request("POST", "application/json; charset=UTF-8");
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        new UnsupportedCharsetFilter().doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        verify(response, never()).setStatus(415);
    }

    private static HttpServletRequest request(String method, String contentType) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getHeader("Content-Type")).thenReturn(contentType);
        when(request.getRequestURI()).thenReturn("/api/v1/health");
        when(request.isSecure()).thenReturn(true);
        return request;
    }

    /** Collects what is written to the response's output stream. */
    static ByteArrayOutputStream captureBody(HttpServletResponse response) throws IOException {
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
        return body;
    }
}
