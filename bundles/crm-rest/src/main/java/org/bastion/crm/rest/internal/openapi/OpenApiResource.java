package org.bastion.crm.rest.internal.openapi;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.bastion.crm.rest.internal.whiteboard.ApplicationResources;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every resource currently joined to the application,
 * regenerated when resources come or go (a bundle installed or removed at run time shows at once).
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-openapi")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("openapi.json")
@Hidden
public class OpenApiResource {

    private final ApplicationResources resources;
    private final String version;
    private int cachedAt = -1;
    private String cached;

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        this.resources = new ApplicationResources(context);
        this.version = context.getBundle().getVersion().toString();
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        return Response.ok(currentDocument(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-cache").build();
    }

    private synchronized String currentDocument() {
        int count = resources.trackingCount();
        if (cached == null || count != cachedAt) {
            cached = OpenApiDocument.generate(resources.classes(), version);
            cachedAt = count;
        }
        return cached;
    }

    @Deactivate
    void deactivate() {
        resources.close();
    }
}
