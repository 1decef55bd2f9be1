package com.example.deals.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.support.rest.ListQueries;
import org.bastion.crm.support.rest.RecordRequests;
import org.bastion.crm.support.rest.VersionedRecords;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.example.deals.Deal;
import com.example.deals.DealDraft;
import com.example.deals.DealQuery;
import com.example.deals.DealService;
import com.example.deals.DealStage;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

// tag::resource[]
/**
 * {@code /api/v1/deals}: create, read, replace, patch (JSON Merge Patch), delete and list deals; every change of an
 * existing deal needs its ETag in {@code If-Match}. Errors are the CRM's problem+json answers.
 */
@Component(service = DealResource.class)
@JaxrsResource
@JaxrsName("example-deals")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("deals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deals", description = "Sales opportunities (sample vendor plugin)")
public class DealResource {

    static final String KIND = "deal";
    static final String SORT = "comma list of title, amount, closeDate, stage, createdAt, updatedAt, id; '-' for"
            + " descending. Default: createdAt (oldest first), then id.";

    private final DealService deals;
    private final VersionedRecords<Deal, DealDraft> records;

    @Activate
    public DealResource(@Reference DealService deals) {
        this.deals = deals;
        this.records = VersionedRecords.<Deal, DealDraft>builder(KIND, DealDraft.class)
                .find(deals::find).update(deals::update).delete(deals::delete)
                .id(Deal::id).version(Deal::version).draftOf(Deal::toDraft)
                .build();
    }
    // end::resource[]

    // tag::rest-list[]
    @GET
    @Operation(summary = "List deals, one page at a time (notes are never listed)", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "400", description = "bad paging, sort, stage or contactId parameter"),
            @ApiResponse(responseCode = "403", description = "the caller holds no deals:read scope")})
    public PageBody<Deal> list(
            @Parameter(description = "only deals in this stage") @QueryParam("stage") String stage,
            @Parameter(description = ListQueries.OWNER_DESCRIPTION) @QueryParam("owner") String owner,
            @Parameter(description = "only deals with this contact (UUID)") @QueryParam("contactId") String contactId,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Parameter(description = SORT) @QueryParam("sort") String sort,
            @Context UriInfo uriInfo) {
        DealQuery query = new DealQuery(stage(stage), ListQueries.text("owner", owner), ListQueries.id("contactId", contactId),
                ListQueries.page(page, size, sort));
        return ListQueries.body(uriInfo, deals.search(query));
    }
    // end::rest-list[]

    // tag::rest-create-read[]
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a deal", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location and ETag name it",
                    content = @Content(schema = @Schema(implementation = Deal.class))),
            @ApiResponse(responseCode = "400", description = "invalid deal; errors name each field"),
            @ApiResponse(responseCode = "403", description = "no deals:write scope reaching the owner,"
                    + " or notes without deals:write-sensitive")})
    public Response create(DealDraft draft, @Context UriInfo uriInfo) {
        return records.created(deals.create(RecordRequests.body(draft)), uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a deal", responses = {
            @ApiResponse(responseCode = "200", description = "the deal, with its ETag (notes only with"
                    + " deals:read-sensitive)", content = @Content(schema = @Schema(implementation = Deal.class))),
            @ApiResponse(responseCode = "304", description = "If-None-Match named the current ETag"),
            @ApiResponse(responseCode = "403", description = "the caller holds no deals:read scope"),
            @ApiResponse(responseCode = "404", description = "no such deal within the caller's read scope")})
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return records.read(id, ifNoneMatch);
    }
    // end::rest-create-read[]

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a deal", responses = {
            @ApiResponse(responseCode = "200", description = "replaced; the new ETag",
                    content = @Content(schema = @Schema(implementation = Deal.class))),
            @ApiResponse(responseCode = "400", description = "invalid deal"),
            @ApiResponse(responseCode = "403", description = "outside the caller's deals:write scope,"
                    + " or changed notes without deals:write-sensitive"),
            @ApiResponse(responseCode = "404", description = "no such deal within the caller's read scope"),
            @ApiResponse(responseCode = "412", description = "If-Match does not name the current version"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response replace(@PathParam("id") String id,
                            @Parameter(description = "the ETag of the version replaced", required = true)
                            @HeaderParam("If-Match") String ifMatch,
                            DealDraft draft) {
        return records.replace(id, ifMatch, draft);
    }

    // tag::rest-patch[]
    @PATCH
    @Path("{id}")
    @Consumes(CrmRest.MERGE_PATCH_JSON)
    @Operation(summary = "Change some fields of a deal (JSON Merge Patch, RFC 7396; null removes a field)",
            requestBody = @RequestBody(content = @Content(mediaType = CrmRest.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = DealDraft.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "changed; the new ETag",
                            content = @Content(schema = @Schema(implementation = Deal.class))),
                    @ApiResponse(responseCode = "400", description = "invalid patch or resulting deal"),
                    @ApiResponse(responseCode = "403", description = "outside the caller's deals:write scope,"
                            + " or changed notes without deals:write-sensitive"),
                    @ApiResponse(responseCode = "404", description = "no such deal within the caller's read scope"),
                    @ApiResponse(responseCode = "412", description = "If-Match does not name the current version"),
                    @ApiResponse(responseCode = "415", description = "not application/merge-patch+json"),
                    @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response patch(@PathParam("id") String id,
                          @Parameter(description = "the ETag of the version patched", required = true)
                          @HeaderParam("If-Match") String ifMatch,
                          @Parameter(hidden = true) JsonNode patch,
                          @Context Providers providers) {
        return records.patch(id, ifMatch, patch, providers);
    }
    // end::rest-patch[]

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a deal (its notes' key is destroyed with it)", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "outside the caller's deals:delete scope"),
            @ApiResponse(responseCode = "404", description = "no such deal within the caller's read scope"),
            @ApiResponse(responseCode = "412", description = "If-Match was given and does not name the current version")})
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = "optional: delete only this version") @HeaderParam("If-Match") String ifMatch) {
        return records.delete(id, ifMatch);
    }

    static DealStage stage(String raw) {
        String value = ListQueries.text("stage", raw);
        if (value == null) {
            return null;
        }
        try {
            return DealStage.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("stage", "must be one of " + java.util.Arrays.toString(DealStage.values()));
        }
    }
}
