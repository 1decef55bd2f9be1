package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A Jetty handler, ahead of every web context, that answers each request not made over TLS with a permanent redirect
 * (308, which keeps the method) to the same path and query on HTTPS, and serves nothing else: plain HTTP can only
 * redirect. Disabled until {@link PlainHttpRedirectSwitch} sees plain HTTP turned on in pax-web's configuration.
 */
@Component(enabled = false, service = Handler.class, property = "service.ranking:Integer=1000")
public class PlainHttpRedirect extends AbstractHandler {

    static final int PERMANENT_REDIRECT = 308;

    private final int securePort;

    /** Reads the HTTPS port pax-web listens on. */
    @Activate
    public PlainHttpRedirect(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
        this.securePort = PaxWebSettings.read(configurationAdmin).securePort();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (baseRequest.isSecure()) {
            return;
        }
        baseRequest.setHandled(true);
        response.setStatus(PERMANENT_REDIRECT);
        response.setHeader("Location", location(baseRequest.getServerName(), securePort, baseRequest.getRequestURI(),
                baseRequest.getQueryString()));
        // the location echoes the client's Host header: no shared cache may keep it for other clients
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
    }

    /** {@code https://host:port/path?query}, with an IPv6 literal in brackets; path and query stay as the client encoded them. */
    static String location(String host, int port, String rawPath, String rawQuery) {
        String uriHost = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        return "https://" + uriHost + ":" + port + path + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
