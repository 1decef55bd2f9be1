package org.bastion.crm.security.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.HttpProblems;
import org.bastion.crm.api.rest.SecurityHeaders;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's server-wide error handler, replacing its default: answers a request Jetty refuses before any web context sees
 * it (a malformed request line, headers or URI too large, an unknown HTTP version) and errors outside every context
 * with a problem+json body naming only the status, and with the security headers. Jetty's own pages quote the
 * parser's reason and, for exceptions, the exception's class and message.
 */
public class ServerErrorHandler extends ErrorHandler {

    /** No stacks, no servlet names, no messages: nothing of Jetty's default page is kept. */
    public ServerErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
        setCacheControl(null);
    }

    /**
     * A request the parser refused: the connection is to be closed and no request object exists, so the headers are
     * added to the fields Jetty sends. HSTS is included (the CRM listens for requests on TLS; a plain-HTTP client
     * ignores it, RFC 6797 8.1).
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        SecurityHeaders.FIXED.forEach(fields::put);
        SecurityHeaders.DEFAULTS.forEach(fields::put);
        fields.put(SecurityHeaders.STRICT_TRANSPORT_SECURITY, SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE);
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put("Content-Type", CrmRest.PROBLEM_JSON);
        return BufferUtil.toBuffer(HttpProblems.minimalJson(status), StandardCharsets.UTF_8);
    }

    /** An answer with a body for every method: the body reveals nothing, and a bodyless answer would lack the type. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        SecurityHeaders.FIXED.forEach(response::setHeader);
        SecurityHeaders.DEFAULTS.forEach(response::setHeader);
        if (baseRequest.isSecure()) {
            response.setHeader(SecurityHeaders.STRICT_TRANSPORT_SECURITY, SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE);
        }
        baseRequest.setHandled(true);
        if (HttpStatus.hasNoBody(code)) {
            return;
        }
        byte[] body = HttpProblems.minimalJson(code).getBytes(StandardCharsets.UTF_8);
        response.setContentType(CrmRest.PROBLEM_JSON);
        response.setContentLength(body.length);
        if (!"HEAD".equals(baseRequest.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
