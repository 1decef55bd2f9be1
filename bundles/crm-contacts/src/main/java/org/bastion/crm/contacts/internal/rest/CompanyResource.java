package org.bastion.crm.contacts.internal.rest;

import java.util.UUID;

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

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/companies}: create, read, replace, patch, delete and search companies, and list a company's
 * contacts; every change of an existing company needs its ETag in {@code If-Match}.
 */
@Component(service = CompanyResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-companies")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "companies", description = "The organisations contacts work for")
public class CompanyResource {

    static final String KIND = "company";

    private final CompanyService companies;
    private final VersionedRecords<Company, CompanyDraft> records;
    private final ContactService contacts;

    @Activate
    public CompanyResource(@Reference CompanyService companies, @Reference ContactService contacts) {
        this.companies = companies;
        this.records = VersionedRecords.<Company, CompanyDraft>builder(KIND, CompanyDraft.class)
                .find(companies::find).update(companies::update).delete(companies::delete)
                .id(Company::id).version(Company::version).draftOf(Company::toDraft)
                .build();
        this.contacts = contacts;
    }

    @GET
    @Operation(summary = "Search companies, one page at a time", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "403", description = "the caller holds no companies:read scope"),
            @ApiResponse(responseCode = "400", description = "bad paging or sort parameter")})
    public PageBody<Company> search(
            @Parameter(description = "words matched against name and domain") @QueryParam("q") String text,
            @Parameter(description = "a tag the company carries") @QueryParam("tag") String tag,
            @Parameter(description = ListQueries.OWNER_DESCRIPTION) @QueryParam("owner") String owner,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Parameter(description = "comma list of name, domain, createdAt, updatedAt; '-' for descending")
            @QueryParam("sort") String sort,
            @Context UriInfo uriInfo) {
        CompanyQuery query = new CompanyQuery(ListQueries.text(text), ListQueries.text(tag), ListQueries.text(owner),
                ListQueries.page(page, size, sort));
        return ListQueries.body(uriInfo, companies.search(query));
    }

    @GET
    @Path("{id}/contacts")
    @Operation(summary = "The contacts of a company, one page at a time", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "403", description = "the caller holds no companies:read or no contacts:read"
                    + " scope"),
            @ApiResponse(responseCode = "404", description = "no such company within the caller's read scope")})
    public PageBody<Contact> contactsOf(@PathParam("id") String id,
                                        @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
                                        @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
                                        @Parameter(description = ContactDocs.CONTACT_SORT) @QueryParam("sort") String sort,
                                        @Context UriInfo uriInfo) {
        UUID companyId = records.find(id).id();
        ContactQuery query = new ContactQuery(null, null, companyId, null, ListQueries.page(page, size, sort));
        return ListQueries.body(uriInfo, contacts.search(query));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a company", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location and ETag name it",
                    content = @Content(schema = @Schema(implementation = Company.class))),
            @ApiResponse(responseCode = "400", description = "invalid company; errors name each field"),
            @ApiResponse(responseCode = "403", description = "no companies:write scope reaching the owner"),
            @ApiResponse(responseCode = "409", description = "another company has this domain")})
    public Response create(CompanyDraft draft, @Context UriInfo uriInfo) {
        return records.created(companies.create(RecordRequests.body(draft)), uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a company", responses = {
            @ApiResponse(responseCode = "200", description = "the company, with its ETag",
                    content = @Content(schema = @Schema(implementation = Company.class))),
            @ApiResponse(responseCode = "304", description = "If-None-Match named the current ETag"),
            @ApiResponse(responseCode = "403", description = "the caller holds no companies:read scope"),
            @ApiResponse(responseCode = "404", description = "no such company (or not a UUID)")})
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return records.read(id, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a company", responses = {
            @ApiResponse(responseCode = "200", description = "replaced; the new ETag",
                    content = @Content(schema = @Schema(implementation = Company.class))),
            @ApiResponse(responseCode = "400", description = "invalid company"),
            @ApiResponse(responseCode = "403", description = "outside the caller's companies:write scope"),
            @ApiResponse(responseCode = "404", description = "no such company within the caller's read scope"),
            @ApiResponse(responseCode = "409", description = "another company has this domain"),
            @ApiResponse(responseCode = "412", description = "If-Match does not name the current version"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response replace(@PathParam("id") String id,
                            @Parameter(description = "the ETag of the version replaced", required = true)
                            @HeaderParam("If-Match") String ifMatch,
                            CompanyDraft draft) {
        return records.replace(id, ifMatch, draft);
    }

    @PATCH
    @Path("{id}")
    @Consumes(CrmRest.MERGE_PATCH_JSON)
    @Operation(summary = "Change some fields of a company (JSON Merge Patch, RFC 7396; null removes a field)",
            requestBody = @RequestBody(content = @Content(mediaType = CrmRest.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = CompanyDraft.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "changed; the new ETag",
                            content = @Content(schema = @Schema(implementation = Company.class))),
                    @ApiResponse(responseCode = "400", description = "invalid patch or resulting company"),
                    @ApiResponse(responseCode = "403", description = "outside the caller's companies:write scope"),
                    @ApiResponse(responseCode = "404", description = "no such company within the caller's read scope"),
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

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a company that no contact belongs to", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "outside the caller's companies:delete scope"),
            @ApiResponse(responseCode = "404", description = "no such company within the caller's read scope"),
            @ApiResponse(responseCode = "409", description = "contacts still belong to it"),
            @ApiResponse(responseCode = "412", description = "If-Match was given and does not name the current version")})
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = "optional: delete only this version") @HeaderParam("If-Match") String ifMatch) {
        return records.delete(id, ifMatch);
    }

}
