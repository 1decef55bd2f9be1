package org.bastion.crm.audit.internal.history;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.audit.internal.query.AuditQueryParameters;
import org.bastion.crm.support.rest.ListQueries;
import org.bastion.crm.support.rest.RecordRequests;
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
 * {@code GET /api/v1/companies/{id}/history}: a company's field history, for callers who may read the company (the
 * company service decides, with its scope rules). Companies have no SENSITIVE fields, so whoever may read the company
 * reads its whole history. While crm-contacts (which owns companies) is absent no company is found (404).
 */
@Component(service = CompanyHistoryResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-company-history")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("companies/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "companies", description = "Companies")
public class CompanyHistoryResource {

    private static final String KIND = "company";

    private final FieldHistory history;

    /** The companies (crm-contacts); while none is registered, no company is found. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CompanyService companies;

    @Activate
    public CompanyHistoryResource(@Reference FieldHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "A company's field history, newest first: who changed which field from what to what",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the page"),
                    @ApiResponse(responseCode = "400", description = "bad id or paging"),
                    @ApiResponse(responseCode = "403", description = "the caller lacks companies:read"),
                    @ApiResponse(responseCode = "404", description = "no such company within the caller's reach")})
    public PageBody<HistoryEntryBody> history(@PathParam("id") String id,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        AuditQueryParameters.onlyPaging(uriInfo);
        UUID companyId = RecordRequests.pathId(KIND, id);
        CompanyService service = companies;
        Company company = Optional.ofNullable(service).flatMap(found -> found.find(companyId))
                .orElseThrow(() -> new NotFoundException(KIND, id));
        return ListQueries.body(uriInfo, history.history(new AuditTarget(KIND, company.id().toString()), true,
                AuditQueryParameters.page(uriInfo)));
    }
}
