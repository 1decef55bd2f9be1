package org.bastion.crm.rest.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import java.io.PrintWriter;
import java.io.StringWriter;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class RebuildGapTest {

    @Test
    void cxfsOwnFailureWhenTheObserverVanishesIsRecognised() {
        HttpServletRequest request = RebuildWindowFilterTest.request("GET", "/api/v1/health", "/health", null);

        Throwable failure = catchThrowable(() -> CxfGap.observerGoneDuringInvoke().doFilter(request,
                mock(HttpServletResponse.class)));

        assertThat(failure).isInstanceOf(NullPointerException.class);
        assertThat(failure.getStackTrace()[0].getClassName())
                .isEqualTo("org.apache.cxf.transport.http.AbstractHTTPDestination");
        assertThat(RebuildGap.isObserverGone(failure)).isTrue();
        assertThat(RebuildGap.isObserverGone(new ServletException(failure))).isTrue();
    }

    @Test
    void otherNullPointersAreNotTheGap() {
        NullPointerException elsewhere = new NullPointerException("x is null");
        NullPointerException sameMethodOtherField = new NullPointerException("Cannot invoke because \"this.bus\" is null");
        sameMethodOtherField.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.apache.cxf.transport.http.AbstractHTTPDestination", "invoke", "AbstractHTTPDestination.java", 1)});

        assertThat(RebuildGap.isObserverGone(elsewhere)).isFalse();
        assertThat(RebuildGap.isObserverGone(sameMethodOtherField)).isFalse();
        assertThat(RebuildGap.isObserverGone(new IllegalStateException())).isFalse();
    }

    @Test
    void cxfsNotFoundAnswerIsExactlyTheOneTheFilterHolds() throws Exception {
        HttpServletRequest request = RebuildWindowFilterTest.request("GET", "/api/v1/health", "/health", null);
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter text = new StringWriter();
        Mockito.when(response.getWriter()).thenReturn(new PrintWriter(text));

        CxfGap.noServer().doFilter(request, response);

        Mockito.verify(response).setStatus(RebuildGap.NOT_FOUND_STATUS);
        Mockito.verify(response).setContentType(RebuildGap.NOT_FOUND_CONTENT_TYPE);
        assertThat(text.toString()).isEqualTo(RebuildGap.NOT_FOUND_BODY);
    }
}
