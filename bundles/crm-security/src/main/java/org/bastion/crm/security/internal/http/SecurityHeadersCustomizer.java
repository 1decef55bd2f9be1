package org.bastion.crm.security.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.HttpProblems;
import org.bastion.crm.api.rest.SecurityHeaders;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.osgi.service.component.annotations.Component;

/**
 * A Jetty request customizer, run for every request before any web context: puts the security headers on the
 * response, so that answers the CRM's filters never see (the web console's 401, a refused method, an error page) carry
 * them too; a servlet may still replace a value it owns (a caching policy). It makes {@link ServerErrorHandler} the
 * server's error handler (for the requests Jetty refuses before any context) at the first request it sees. TRACE
 * (which pax-web refuses anyway, with an empty answer) is refused here with 405 and a problem body.
 *
 * <p>A customizer, not a Jetty {@code Handler} service: pax-web adds customizers to the running connectors, where a
 * handler service makes it restart Jetty, and a restart racing the whiteboard at boot could leave the server without
 * the REST application or without any listener (ADR 12, addendum). Enabled while pax-web's Jetty bundle is active
 * ({@code tls.PlainHttpRedirectSwitch}): pax-web's tracker fails on a customizer that exists before its activator ends.
 */
@Component(enabled = false, service = HttpConfiguration.Customizer.class, property = "service.ranking:Integer=900")
public class SecurityHeadersCustomizer implements HttpConfiguration.Customizer {

    static final int METHOD_NOT_ALLOWED = 405;

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        useProblemErrorHandler(connector.getServer());
        Response response = request.getResponse();
        SecurityHeaders.FIXED.forEach(response::setHeader);
        SecurityHeaders.DEFAULTS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader(SecurityHeaders.STRICT_TRANSPORT_SECURITY, SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE);
        }
        if ("TRACE".equals(request.getMethod())) {
            // a TRACE answer would echo the request's headers (credentials included) back to a script
            refuseTrace(request, response);
        }
    }

    /** Makes {@link ServerErrorHandler} the error handler of {@code server}, once. */
    static void useProblemErrorHandler(Server server) {
        if (server == null || server.getErrorHandler() instanceof ServerErrorHandler) {
            return;
        }
        synchronized (server) {
            if (!(server.getErrorHandler() instanceof ServerErrorHandler)) {
                ServerErrorHandler errorHandler = new ServerErrorHandler();
                // the running server starts the new bean at once: its server must be set before
                errorHandler.setServer(server);
                server.setErrorHandler(errorHandler);
            }
        }
    }

    private static void refuseTrace(Request request, Response response) {
        request.setHandled(true); // Jetty then hands the request to no context
        response.setStatus(METHOD_NOT_ALLOWED);
        byte[] body = HttpProblems.minimalJson(METHOD_NOT_ALLOWED).getBytes(StandardCharsets.UTF_8);
        response.setContentType(CrmRest.PROBLEM_JSON);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
