package org.bastion.crm.audit.internal.query;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.audit.AuditRecord;
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
 * {@code GET /api/v1/audit}: the trail, newest first, filtered by actor, action (exact or a prefix such as
 * {@code auth.*}), target, outcome and time, one page at a time (holders of {@code audit:read}).
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-query")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The audit trail (audit:read)")
public class AuditResource {

    private final AuditQueryService queries;

    @Activate
    public AuditResource(@Reference AuditQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Search the audit trail, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "400", description = "an unknown, repeated or malformed parameter, or from "
                    + "after to; the errors name each"),
            @ApiResponse(responseCode = "403", description = "the caller lacks audit:read")})
    public PageBody<AuditRecordBody> search(
            @Parameter(description = "the actor's user id") @QueryParam("actor") String actor,
            @Parameter(description = "an action name (auth.login.failed) or a prefix ending in .* (auth.*)")
            @QueryParam("action") String action,
            @Parameter(description = "the target's kind (contact, user, ...)")
            @QueryParam("targetKind") String targetKind,
            @Parameter(description = "the target's id (with targetKind)")
            @QueryParam("targetId") String targetId,
            @Parameter(description = "success, failure or denied") @QueryParam("outcome") String outcome,
            @Parameter(description = "earliest time, inclusive, ISO-8601 (2026-12-07T10:00:00Z)")
            @QueryParam("from") String from,
            @Parameter(description = "latest time, exclusive, ISO-8601") @QueryParam("to") String to,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        AuditFilter filter = AuditQueryParameters.filter(uriInfo, AuditFilters.FILTERS);
        Page<AuditRecord> found = queries.search(filter, AuditQueryParameters.page(uriInfo));
        return ListQueries.body(uriInfo, bodies(found));
    }

    static Page<AuditRecordBody> bodies(Page<AuditRecord> page) {
        return new Page<>(page.items().stream().map(AuditRecordBody::of).toList(), page.total(), page.page(),
                page.size());
    }
}
