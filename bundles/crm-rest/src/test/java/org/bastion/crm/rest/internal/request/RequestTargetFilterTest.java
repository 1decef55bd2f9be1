package org.bastion.crm.rest.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;

class RequestTargetFilterTest {

    private final RequestTargetFilter filter = new RequestTargetFilter();
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private HttpServletRequest request(String path, String query) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn(path);
        when(request.getQueryString()).thenReturn(query);
        when(request.isSecure()).thenReturn(true);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                written.write(b);
            }
        });
        return request;
    }

    @Test
    void aMalformedEscapeInTheQueryIsA400ProblemWithTheSecurityHeaders() throws Exception {
        filter.doFilter(request("/api/v1/contacts", "page=%zz"), response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(400);
        verify(response).setContentType(CrmRest.PROBLEM_JSON);
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        String body = written.toString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"status\":400").contains("\"field\":\"query\"").doesNotContain("Exception");
    }

    @Test
    void aMalformedEscapeInThePathIsA400NamingThePath() throws Exception {
        filter.doFilter(request("/api/v1/contacts/%", null), response, chain);

        verify(response).setStatus(400);
        assertThat(written.toString(StandardCharsets.UTF_8)).contains("\"field\":\"path\"");
    }

    @Test
    void wellEncodedRequestsPassThrough() throws Exception {
        HttpServletRequest request = request("/api/v1/contacts/a%2Fb", "q=%C3%A9&size=5");
        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        verify(response, never()).setStatus(400);
    }
}
