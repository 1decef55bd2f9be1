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

import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
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
 * {@code /api/v1/contacts}: create, read, replace, patch (JSON Merge Patch), delete and search contacts; every change
 * of an existing contact needs its ETag in {@code If-Match}.
 */
@Component(service = ContactResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-contacts")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts", description = "People and how to reach them")
public class ContactResource {

    static final String KIND = "contact";

    private final ContactService contacts;
    private final VersionedRecords<Contact, ContactDraft> records;

    @Activate
    public ContactResource(@Reference ContactService contacts) {
        this.contacts = contacts;
        this.records = VersionedRecords.<Contact, ContactDraft>builder(KIND, ContactDraft.class)
                .find(contacts::find).update(contacts::update).delete(contacts::delete)
                .id(Contact::id).version(Contact::version).draftOf(Contact::toDraft)
                .build();
    }

    @GET
    @Operation(summary = "Search contacts, one page at a time", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "403", description = "the caller holds no contacts:read scope"),
            @ApiResponse(responseCode = "400", description = "bad paging, sort or companyId parameter; a search word"
                    + " too short; a sort by name while more contacts match than the server sorts in memory")})
    public PageBody<Contact> search(
            @Parameter(description = ContactDocs.CONTACT_SEARCH_TEXT) @QueryParam("q") String text,
            @Parameter(description = "a tag the contact carries") @QueryParam("tag") String tag,
            @Parameter(description = "the company the contact works for (UUID)") @QueryParam("companyId") String companyId,
            @Parameter(description = ListQueries.OWNER_DESCRIPTION) @QueryParam("owner") String owner,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Parameter(description = ContactDocs.CONTACT_SORT) @QueryParam("sort") String sort,
            @Context UriInfo uriInfo) {
        ContactQuery query = new ContactQuery(ListQueries.text(text), ListQueries.text(tag),
                ListQueries.id("companyId", companyId), ListQueries.text(owner), ListQueries.page(page, size, sort));
        return ListQueries.body(uriInfo, contacts.search(query));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location and ETag name it",
                    content = @Content(schema = @Schema(implementation = Contact.class))),
            @ApiResponse(responseCode = "400", description = "invalid contact; errors name each field"),
            @ApiResponse(responseCode = "403", description = "no contacts:write scope reaching the owner,"
                    + " or sensitive fields without contacts:write-sensitive")})
    public Response create(ContactDraft draft, @Context UriInfo uriInfo) {
        return records.created(contacts.create(RecordRequests.body(draft)), uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a contact", responses = {
            @ApiResponse(responseCode = "200", description = "the contact, with its ETag",
                    content = @Content(schema = @Schema(implementation = Contact.class))),
            @ApiResponse(responseCode = "304", description = "If-None-Match named the current ETag"),
            @ApiResponse(responseCode = "403", description = "the caller holds no contacts:read scope"),
            @ApiResponse(responseCode = "404", description = "no such contact (or not a UUID)")})
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return records.read(id, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a contact", responses = {
            @ApiResponse(responseCode = "200", description = "replaced; the new ETag",
                    content = @Content(schema = @Schema(implementation = Contact.class))),
            @ApiResponse(responseCode = "400", description = "invalid contact"),
            @ApiResponse(responseCode = "403", description = "outside the caller's contacts:write scope,"
                    + " or a sensitive field without contacts:write-sensitive"),
            @ApiResponse(responseCode = "404", description = "no such contact within the caller's read scope"),
            @ApiResponse(responseCode = "412", description = "If-Match does not name the current version"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response replace(@PathParam("id") String id,
                            @Parameter(description = "the ETag of the version replaced", required = true)
                            @HeaderParam("If-Match") String ifMatch,
                            ContactDraft draft) {
        return records.replace(id, ifMatch, draft);
    }

    @PATCH
    @Path("{id}")
    @Consumes(CrmRest.MERGE_PATCH_JSON)
    @Operation(summary = "Change some fields of a contact (JSON Merge Patch, RFC 7396; null removes a field)",
            requestBody = @RequestBody(content = @Content(mediaType = CrmRest.MERGE_PATCH_JSON,
                    schema = @Schema(implementation = ContactDraft.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "changed; the new ETag",
                            content = @Content(schema = @Schema(implementation = Contact.class))),
                    @ApiResponse(responseCode = "400", description = "invalid patch or resulting contact"),
                    @ApiResponse(responseCode = "403", description = "outside the caller's contacts:write scope,"
                            + " or a sensitive field without contacts:write-sensitive"),
                    @ApiResponse(responseCode = "404", description = "no such contact within the caller's read scope"),
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
    @Operation(summary = "Delete a contact", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "outside the caller's contacts:delete scope"),
            @ApiResponse(responseCode = "404", description = "no such contact within the caller's read scope"),
            @ApiResponse(responseCode = "412", description = "If-Match was given and does not name the current version")})
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = "optional: delete only this version") @HeaderParam("If-Match") String ifMatch) {
        return records.delete(id, ifMatch);
    }
}
