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

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.ScopedAccess;
import org.bastion.crm.api.permissions.StandardPermissions;
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
 * {@code GET /api/v1/contacts/{id}/history}: a contact's field history, for callers who may read the contact (the
 * contact service decides, with its scope rules); personal values in clear only for callers whose
 * {@code contacts:read-sensitive} reaches the contact's owner, the rule that shows them its sensitive fields.
 * While crm-contacts is absent no contact is found (404).
 */
@Component(service = ContactHistoryResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-contact-history")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("contacts/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts", description = "Contacts")
public class ContactHistoryResource {

    private static final String KIND = "contact";

    private final FieldHistory history;

    /** The contacts (crm-contacts); while none is registered, no contact is found. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactService contacts;

    /** Who is calling (crm-rest); while none is registered, nobody reads personal values. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    /** Who may do what; while none is registered, only admins may read personal values. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    @Activate
    public ContactHistoryResource(@Reference FieldHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "A contact's field history, newest first: who changed which field from what to what",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the page; personal values redacted unless the "
                            + "caller may read the contact's sensitive fields, 'erased' after crypto-shredding"),
                    @ApiResponse(responseCode = "400", description = "bad id or paging"),
                    @ApiResponse(responseCode = "403", description = "the caller lacks contacts:read"),
                    @ApiResponse(responseCode = "404", description = "no such contact within the caller's reach")})
    public PageBody<HistoryEntryBody> history(@PathParam("id") String id,
            @Parameter(description = ListQueries.PAGE_DESCRIPTION) @QueryParam("page") String page,
            @Parameter(description = ListQueries.SIZE_DESCRIPTION) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        AuditQueryParameters.onlyPaging(uriInfo);
        UUID contactId = RecordRequests.pathId(KIND, id);
        ContactService service = contacts;
        CallerContext context = callerContext;
        Contact contact = Optional.ofNullable(service).flatMap(found -> found.find(contactId))
                .orElseThrow(() -> new NotFoundException(KIND, id));
        Caller caller = context == null ? Caller.ANONYMOUS : context.current();
        boolean mayReadPersonal = new ScopedAccess(permissions, caller, StandardPermissions.CONTACTS)
                .access(StandardPermissions.READ_SENSITIVE).permits(contact.owner());
        return ListQueries.body(uriInfo, history.history(new AuditTarget(KIND, contact.id().toString()),
                mayReadPersonal, AuditQueryParameters.page(uriInfo)));
    }
}
