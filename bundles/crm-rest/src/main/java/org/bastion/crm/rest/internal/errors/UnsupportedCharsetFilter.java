package org.bastion.crm.rest.internal.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.helpers.HttpHeaderHelper;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses a request whose {@code Content-Type} names a charset the JVM does not know ({@code charset=x-nonexistent},
 * {@code utf-7}, {@code %}) with 415 and a problem+json body, in front of every servlet of every whiteboard context:
 * CXF fails on such a request before any JAX-RS filter or exception mapper runs, so without this filter the container
 * answers 500 with an error naming Java exceptions. The decision is CXF's own ({@link HttpHeaderHelper}), so the filter
 * refuses exactly what CXF could not read.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.name=bastion-crm-charset",
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.asyncSupported=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"})
public class UnsupportedCharsetFilter implements Filter {

    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final String DETAIL = "The charset named in Content-Type is not supported: send UTF-8.";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest && response instanceof HttpServletResponse
                && !readable(((HttpServletRequest) request).getHeader("Content-Type"))) {
            HttpServletRequest httpRequest = (HttpServletRequest) request;
            ErrorAnswers.problem(httpRequest, (HttpServletResponse) response, UNSUPPORTED_MEDIA_TYPE, DETAIL,
                    httpRequest.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether CXF can decode a body of this content type: no charset, or one the JVM supports. A charset CXF's parser
     * fails on ({@code charset="}) is unreadable too: CXF would fail the same way, with a 500.
     */
    static boolean readable(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            String charset = HttpHeaderHelper.findCharset(contentType);
            return charset == null || HttpHeaderHelper.mapCharset(charset, StandardCharsets.ISO_8859_1.name()) != null;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
