package org.bastion.crm.rest.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;

/**
 * The filter against CXF 3.6.10's own answers while the application's server is being rebuilt
 * ({@link CxfGap}), and against answers that only look like them.
 */
class RebuildWindowFilterTest {

    private long now;
    private final List<Long> pauses = new ArrayList<>();
    private final RebuildWindowFilter filter = new RebuildWindowFilter(() -> now, millis -> {
        pauses.add(millis);
        now += millis * 1_000_000;
    }, 2_000);

    private final HttpServletRequest request = request("GET", "/api/v1/health", "/health", null);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter text = new StringWriter();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RebuildWindowFilterTest() throws IOException {
        when(response.getWriter()).thenReturn(new PrintWriter(text));
        when(response.getOutputStream()).thenReturn(output(bytes));
    }

    /** A chain that plays the given steps, one per run, the last one for every later run. */
    private static final class ScriptedChain implements FilterChain {
        private final List<FilterChain> steps;
        int runs;

        ScriptedChain(FilterChain... steps) {
            this.steps = List.of(steps);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException,
                javax.servlet.ServletException {
            steps.get(Math.min(runs++, steps.size() - 1)).doFilter(request, response);
        }
    }

    private static FilterChain healthy() {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(200);
            http.setContentType("application/json");
            http.getOutputStream().write("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void cxfsNoServiceAnswerWhileTheServerIsGoneIsRunAgainUntilTheNewServerAnswers() throws Exception {
        ScriptedChain chain = new ScriptedChain(CxfGap.noServer(), CxfGap.noServer(), CxfGap.serverNotStarted(),
                healthy());

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(4);
        assertThat(pauses).containsExactly(5L, 10L, 20L);
        verify(response).setStatus(200);
        verify(response, never()).setStatus(404);
        verify(response, never()).setContentType("text/html");
        assertThat(text.toString()).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theApplicationRootLeftUnansweredByCxfIsRunAgain() throws Exception {
        HttpServletRequest root = request("GET", "/api/v1/", "/", null);
        ScriptedChain chain = new ScriptedChain(CxfGap.serverNotStarted(), healthy());

        filter.doFilter(root, response, chain);

        assertThat(chain.runs).isEqualTo(2);
        verify(response).setStatus(200);
    }

    @Test
    void theServersStopRacingTheRequestIsRunAgain() throws Exception {
        ScriptedChain chain = new ScriptedChain(CxfGap.observerGoneDuringInvoke(), healthy());

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(2);
        verify(response).setStatus(200);
    }

    @Test
    void aPostMeetingTheGapIsRunAgainWithItsBodyUntouched() throws Exception {
        HttpServletRequest post = request("POST", "/api/v1/contacts", "/contacts", "{\"firstName\":\"Ada\"}");
        List<String> bodiesSeen = new ArrayList<>();
        ScriptedChain chain = new ScriptedChain(CxfGap.noServer(), (req, res) -> {
            bodiesSeen.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            ((HttpServletResponse) res).setStatus(201);
        });

        filter.doFilter(post, response, chain);

        assertThat(bodiesSeen).containsExactly("{\"firstName\":\"Ada\"}");
        verify(response).setStatus(201);
    }

    @Test
    void aRequestWhoseBodyWasReadIsNeverRunAgainButAnswered503() throws Exception {
        HttpServletRequest post = request("POST", "/api/v1/contacts", "/contacts", "{\"firstName\":\"Ada\"}");
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            req.getInputStream().read();
            CxfGap.noServer().doFilter(req, res);
        }, healthy());

        filter.doFilter(post, response, chain);

        assertThat(chain.runs).isEqualTo(1);
        assertUnavailable();
    }

    @Test
    void aGapLongerThanTheBudgetEndsIn503ProblemWithRetryAfterAndTheSecurityHeaders() throws Exception {
        ScriptedChain chain = new ScriptedChain(CxfGap.noServer());

        filter.doFilter(request, response, chain);

        assertThat(pauses).startsWith(5L, 10L, 20L, 40L, 40L).allMatch(pause -> pause <= 40L);
        assertThat(chain.runs).isEqualTo(pauses.size() + 1);
        assertThat(now).isBetween(2_000_000_000L, 2_040_000_000L);
        assertUnavailable();
    }

    private void assertUnavailable() {
        verify(response).setStatus(503);
        verify(response).setHeader("Retry-After", "1");
        verify(response).setContentType(CrmRest.PROBLEM_JSON);
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response, never()).setStatus(404);
        assertThat(text.toString()).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\"status\":503").doesNotContain("Exception");
    }

    @Test
    void aResourcesOwn404ProblemPassesThroughAtOnce() throws Exception {
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.setContentType(CrmRest.PROBLEM_JSON);
            http.getOutputStream().write("{\"status\":404}".getBytes(StandardCharsets.UTF_8));
        });

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(1);
        verify(response).setStatus(404);
        verify(response).setContentType(CrmRest.PROBLEM_JSON);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":404}");
    }

    @Test
    void anHtml404WithAnyOtherBodyPassesThroughUnchanged() throws Exception {
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.setContentType("text/html");
            http.getWriter().write("<html><body>No service was found.</body></html> and more");
        });

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(1);
        verify(response).setStatus(404);
        verify(response).setContentType("text/html");
        assertThat(text.toString()).isEqualTo("<html><body>No service was found.</body></html> and more");
    }

    @Test
    void theGapTextWithAHeaderInBetweenIsNotTheGap() throws Exception {
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.setHeader("X-Any", "1");
            http.setContentType("text/html");
            http.getWriter().write(RebuildGap.NOT_FOUND_BODY);
        });

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(1);
        verify(response).setStatus(404);
        assertThat(text.toString()).isEqualTo(RebuildGap.NOT_FOUND_BODY);
    }

    @Test
    void anAnswerIsStreamedToTheClientWhileTheResourceWrites() throws Exception {
        List<String> seenMidway = new ArrayList<>();
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            res.getOutputStream().write('a');
            seenMidway.add(bytes.toString(StandardCharsets.UTF_8));
            res.getOutputStream().write('b');
        });

        filter.doFilter(request, response, chain);

        assertThat(seenMidway).containsExactly("a");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ab");
    }

    @Test
    void otherFailuresOfTheChainPropagateAndAreNotRunAgain() {
        ScriptedChain chain = new ScriptedChain((req, res) -> {
            throw new IllegalStateException("a bug");
        }, healthy());

        assertThatThrownBy(() -> filter.doFilter(request, response, chain)).hasMessage("a bug");
        assertThat(chain.runs).isEqualTo(1);
    }

    @Test
    void anAsynchronousRequestLeftUnansweredIsNotRunAgain() throws Exception {
        when(request.isAsyncStarted()).thenReturn(true);
        ScriptedChain chain = new ScriptedChain((req, res) -> { }, healthy());

        filter.doFilter(request, response, chain);

        assertThat(chain.runs).isEqualTo(1);
        verify(response, never()).setStatus(anyInt());
    }

    static HttpServletRequest request(String method, String uri, String pathInfo, String body) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getRequestURL()).thenReturn(new StringBuffer("https://127.0.0.1:8443" + uri));
        when(request.isSecure()).thenReturn(true);
        when(request.getHeaderNames()).thenReturn(Collections.emptyEnumeration());
        when(request.getAttributeNames()).thenReturn(Collections.emptyEnumeration());
        when(request.getScheme()).thenReturn("https");
        when(request.getContextPath()).thenReturn("/api/v1");
        when(request.getServletPath()).thenReturn("");
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(content);
        try {
            when(request.getInputStream()).thenReturn(new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return request;
    }

    private static ServletOutputStream output(ByteArrayOutputStream bytes) {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
    }
}
