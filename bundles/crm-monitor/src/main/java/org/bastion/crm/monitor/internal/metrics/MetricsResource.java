package org.bastion.crm.monitor.internal.metrics;

import java.lang.System.Logger.Level;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.Designate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/metrics}: the Prometheus text format. Public as far as the application's caller filter is
 * concerned, because a scraper's token is no session; the resource checks every request itself
 * ({@link ScrapeAccess}): the scrape token, or a session holding {@code metrics:read}.
 */
@Component(service = MetricsResource.class, configurationPid = MetricsConfiguration.PID)
@Designate(ocd = MetricsConfiguration.class)
@JaxrsResource
@JaxrsName("bastion-crm-metrics")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("metrics")
@Tag(name = "metrics", description = "Operational metrics for the operator's monitoring")
public class MetricsResource {

    private static final System.Logger LOG = System.getLogger(MetricsResource.class.getName());

    private final CrmMetrics metrics;
    private volatile ScrapeAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestAuthenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Permissions permissions;

    @Context
    HttpServletRequest servletRequest;

    @Activate
    public MetricsResource(@Reference CrmMetrics metrics, MetricsConfiguration configuration) {
        this.metrics = metrics;
        modified(configuration);
    }

    @Modified
    void modified(MetricsConfiguration configuration) {
        String token = configuration.scrapeToken();
        if (!token.isEmpty() && token.length() < ScrapeAccess.MIN_TOKEN_LENGTH) {
            LOG.log(Level.WARNING, "scrapeToken of {0} ignored: shorter than {1} characters; only sessions holding"
                    + " metrics:read may read the metrics", MetricsConfiguration.PID, ScrapeAccess.MIN_TOKEN_LENGTH);
        }
        access = new ScrapeAccess(token);
    }

    @GET
    @PublicEndpoint
    @Operation(summary = "Operational metrics in the Prometheus text format", responses = {
            @ApiResponse(responseCode = "200", description = "the series"),
            @ApiResponse(responseCode = "401", description = "neither the scrape token nor a session"),
            @ApiResponse(responseCode = "403", description = "a session without metrics:read")})
    public Response metrics(@Context HttpHeaders headers) {
        String address = null;
        try {
            address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException noServletRequest) {
            // not served by a servlet: the address is unknown
        }
        access.check(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), address,
                headers.getHeaderString(HttpHeaders.USER_AGENT), authenticator, permissions);
        return Response.ok(metrics.scrape(), CrmMetrics.CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }
}
