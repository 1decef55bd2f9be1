package org.bastion.crm.security.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.HttpProblems;
import org.bastion.crm.api.rest.SecurityHeaders;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.osgi.service.component.annotations.Component;

/**
 * A Jetty handler ahead of every web context: puts the security headers on every response before any servlet runs, so
 * that answers the CRM's filters never see (the web console's 401, a refused method, an error page) carry them too;
 * a servlet may still replace a value it owns (a caching policy). On joining a Jetty server it makes
 * {@link ServerErrorHandler} the server's error handler, for the requests Jetty refuses before any handler runs.
 * TRACE (which pax-web refuses anyway, with an empty answer) is refused here with 405 and a problem body.
 * Enabled while pax-web's Jetty bundle is active ({@code tls.PlainHttpRedirectSwitch}): registering a handler service
 * restarts Jetty, and pax-web fails if one exists before its Jetty bundle has started.
 */
@Component(enabled = false, service = Handler.class, property = "service.ranking:Integer=900")
public class SecurityHeadersHandler extends AbstractHandler {

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server != null && !(server.getErrorHandler() instanceof ServerErrorHandler)) {
            ServerErrorHandler errorHandler = new ServerErrorHandler();
            // the server may be starting, and then starts the new bean at once: its server must be set before
            errorHandler.setServer(server);
            server.setErrorHandler(errorHandler);
        }
    }

    static final int METHOD_NOT_ALLOWED = 405;

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SecurityHeaders.FIXED.forEach(response::setHeader);
        SecurityHeaders.DEFAULTS.forEach(response::setHeader);
        if (baseRequest.isSecure()) {
            response.setHeader(SecurityHeaders.STRICT_TRANSPORT_SECURITY, SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE);
        }
        if ("TRACE".equals(baseRequest.getMethod())) {
            // a TRACE answer would echo the request's headers (credentials included) back to a script
            baseRequest.setHandled(true);
            response.setStatus(METHOD_NOT_ALLOWED);
            byte[] body = HttpProblems.minimalJson(METHOD_NOT_ALLOWED).getBytes(StandardCharsets.UTF_8);
            response.setContentType(CrmRest.PROBLEM_JSON);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
