package org.bastion.crm.rest.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

    @Test
    void anExceptionIsAnswered500WithAProblemThatNamesNoClass() throws Exception {
        HttpServletRequest request = errorRequest("GET", 500, "/api/v1/health");
        when(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
                .thenReturn(new ServletException(new java.io.IOException("Invalid character set x in request.")));
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = UnsupportedCharsetFilterTest.captureBody(response);

        new ErrorPageServlet().service(request, response);

        verify(response).setStatus(500);
        verify(response).setContentType("application/problem+json");
        verify(response).setHeader("X-Frame-Options", "DENY");
        verify(response).setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        verify(response).setHeader("Referrer-Policy", "no-referrer");
        String json = body.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"https://bastion-crm.org/problems/internal-error\"")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("Invalid character");
    }

    @Test
    void aSentErrorKeepsItsStatusAndGetsItsProblemType() throws Exception {
        HttpServletRequest request = errorRequest("POST", 405, "/system/console");
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = UnsupportedCharsetFilterTest.captureBody(response);

        new ErrorPageServlet().service(request, response);

        verify(response).setStatus(405);
        assertThat(body.toString(StandardCharsets.UTF_8))
                .contains("\"type\":\"https://bastion-crm.org/problems/method-not-allowed\"")
                .contains("\"instance\":\"/system/console\"");
    }

    @Test
    void aHeadRequestGetsTheHeadersButNoBody() throws Exception {
        HttpServletRequest request = errorRequest("HEAD", 404, "/nothing");
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = UnsupportedCharsetFilterTest.captureBody(response);

        new ErrorPageServlet().service(request, response);

        verify(response).setStatus(404);
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        assertThat(body.size()).isZero();
    }

    @Test
    void aCommittedResponseIsLeftAlone() throws Exception {
        HttpServletRequest request = errorRequest("GET", 500, "/api/v1/contacts");
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.isCommitted()).thenReturn(true);

        new ErrorPageServlet().service(request, response);

        verify(response, never()).setStatus(500);
    }

    @Test
    void theStatusIs404WhenThePageIsAskedForDirectly() {
        HttpServletRequest direct = mock(HttpServletRequest.class);
        assertThat(ErrorPageServlet.statusOf(direct)).isEqualTo(404);
    }

    @Test
    void anExceptionWithoutAnErrorStatusIs500() {
        HttpServletRequest failed = mock(HttpServletRequest.class);
        when(failed.getAttribute(RequestDispatcher.ERROR_EXCEPTION)).thenReturn(new IllegalStateException());
        when(failed.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).thenReturn(200);
        assertThat(ErrorPageServlet.statusOf(failed)).isEqualTo(500);
    }

    private static HttpServletRequest errorRequest(String method, int status, String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).thenReturn(status);
        when(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).thenReturn(uri);
        when(request.isSecure()).thenReturn(true);
        return request;
    }
}
