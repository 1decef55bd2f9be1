package org.bastion.crm.rest.internal.window;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;

import javax.servlet.FilterChain;
import javax.servlet.ServletConfig;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.MessageObserver;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.servlet.ServletController;
import org.apache.cxf.transport.servlet.ServletDestination;

/**
 * CXF 3.6.10's servlet controller in the states the whiteboard's rebuild passes through (the application's one
 * destination at {@code /}, as Aries registers it), as servlet chains: what a request really meets in the window.
 */
final class CxfGap {

    private CxfGap() {
    }

    /** Old server destroyed, new one not yet created: no destination at all. */
    static FilterChain noServer() {
        return controllerOver(new DestinationRegistryImpl());
    }

    /** New server created but not started: its destination is registered, with no message observer yet. */
    static FilterChain serverNotStarted() {
        DestinationRegistryImpl registry = new DestinationRegistryImpl();
        registry.addDestination(destination(registry, false));
        return controllerOver(registry);
    }

    /**
     * The controller saw the observer, the old server's {@code stop()} took it away before the destination used it:
     * the destination here reports an observer but holds none, which is that moment frozen.
     */
    static FilterChain observerGoneDuringInvoke() {
        DestinationRegistryImpl registry = new DestinationRegistryImpl();
        registry.addDestination(destination(registry, true));
        return controllerOver(registry);
    }

    private static FilterChain controllerOver(DestinationRegistryImpl registry) {
        ServletConfig config = mock(ServletConfig.class);
        // as Aries registers the CXF servlet ("servlet.init.hide-service-list-page" = true)
        when(config.getInitParameter("hide-service-list-page")).thenReturn("true");
        ServletController controller = new ServletController(registry, config, mock(HttpServlet.class));
        return (request, response) -> controller.invoke((HttpServletRequest) request, (HttpServletResponse) response);
    }

    private static ServletDestination destination(DestinationRegistryImpl registry, boolean observerVanishing) {
        EndpointInfo endpoint = new EndpointInfo();
        endpoint.setAddress("/");
        try {
            return new ServletDestination(new ExtensionManagerBus(), registry, endpoint, "/") {
                @Override
                public MessageObserver getMessageObserver() {
                    return observerVanishing ? message -> { } : super.getMessageObserver();
                }
            };
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
