package org.bastion.crm.monitor.internal.metrics;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Counts every request of the CRM application and its time to the response headers, labelled by method and the
 * matched resource's path template ({@link PathTemplates}). Pre-matching, so requests refused before matching (401)
 * are counted too (timed when this filter ran before the refusing one); it only reads, never buffers, so it is safe
 * for the alert stream.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, immediate = true,
        property = "service.ranking:Integer=1000")
@JaxrsExtension
@JaxrsName("bastion-crm-request-metrics")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String STARTED = "org.bastion.crm.monitor.metrics.started";

    private final CrmMetrics metrics;

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public RequestMetricsFilter(@Reference CrmMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long nanos = started instanceof Long start ? System.nanoTime() - start : -1;
        java.lang.reflect.Method method = null;
        try {
            method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        } catch (RuntimeException noMatch) {
            // nothing matched
        }
        metrics.request(request.getMethod(), PathTemplates.of(method), response.getStatus(), nanos);
    }
}
