package org.bastion.crm.audit.internal.query;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.support.rest.ListQueries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/auth/me/activity}: the caller's own login history (the {@code auth.*} entries whose actor they
 * are), newest first; every logged-in caller may read their own.
 */
@Component(service = ActivityResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-activity")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("auth/me/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Logging in and the caller's own account")
public class ActivityResource {

    private final AuditQueryService queries;

    @Activate
    public ActivityResource(@Reference AuditQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Your own login history (logins, failures, second factors, logouts), newest first",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the page"),
                    @ApiResponse(responseCode = "400", description = "an unknown parameter or bad paging")})
    public PageBody<AuditRecordBody> activity(
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        AuditQueryParameters.onlyPaging(uriInfo);
        return ListQueries.body(uriInfo, AuditResource.bodies(queries.ownActivity(AuditQueryParameters.page(uriInfo))));
    }
}
