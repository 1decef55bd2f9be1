package org.bastion.crm.rest.internal.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.bastion.crm.api.rest.PublicEndpoint;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/health}: public; the state of every component that registered a {@link HealthContributor},
 * plus the REST layer itself (DEGRADED while no {@link RequestAuthenticator} admits sessions); 200 when UP or DEGRADED, 503 when anything is DOWN.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-health")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("health")
@Tag(name = "health", description = "Whether the CRM works")
public class HealthResource {

    private static final System.Logger LOG = System.getLogger(HealthResource.class.getName());

    /** The name under which the REST layer reports itself. */
    static final String REST_COMPONENT = "rest";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<HealthContributor> contributors = List.of();

    /**
     * The bundle that admits requests needing a session; while there is none, every such request answers 503, so the
     * REST layer is DEGRADED rather than UP.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestAuthenticator authenticator;

    private final String version;

    @Activate
    public HealthResource(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    HealthResource(String version) {
        this.version = version;
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Health of the CRM and each of its components", responses = {
            @ApiResponse(responseCode = "200", description = "UP or DEGRADED",
                    content = @Content(schema = @Schema(implementation = HealthReport.class))),
            @ApiResponse(responseCode = "503", description = "at least one component is DOWN",
                    content = @Content(schema = @Schema(implementation = HealthReport.class)))})
    public Response health() {
        HealthReport report = report();
        return Response.status(report.status() == HealthState.DOWN ? 503 : 200)
                .header("Cache-Control", "no-store")
                .entity(report).build();
    }

    /** Asks every contributor, shielding the report from one that throws. */
    HealthReport report() {
        List<ComponentHealth> components = new ArrayList<>();
        components.add(restLayer());
        for (HealthContributor contributor : contributors) {
            components.add(check(contributor));
        }
        components.sort(Comparator.comparing(ComponentHealth::component));
        return HealthReport.of(version, components);
    }

    private ComponentHealth restLayer() {
        if (authenticator == null) {
            return new ComponentHealth(REST_COMPONENT, HealthState.DEGRADED,
                    "serving " + CrmRest.BASE_PATH + " without a request authenticator: only public endpoints answer");
        }
        return new ComponentHealth(REST_COMPONENT, HealthState.UP, "serving " + CrmRest.BASE_PATH);
    }

    private static ComponentHealth check(HealthContributor contributor) {
        String name = contributor.getClass().getSimpleName();
        try {
            ComponentHealth health = contributor.check();
            return health != null ? health : new ComponentHealth(name, HealthState.DOWN, "reported nothing");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Health check of " + contributor.getClass().getName() + " failed", e);
            return new ComponentHealth(name, HealthState.DOWN, "health check failed");
        }
    }
}
