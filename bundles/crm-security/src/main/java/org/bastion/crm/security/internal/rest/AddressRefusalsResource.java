package org.bastion.crm.security.internal.rest;

import java.time.Duration;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.security.internal.restrict.AccessRestrictionsImpl;
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
 * {@code /api/v1/security/address-refusals}: the addresses refused for a period (holders of {@code users:manage}):
 * list, refuse one, allow one again.
 */
@Component(service = AddressRefusalsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-address-refusals")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("security/address-refusals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "security", description = "Address refusals (users:manage)")
public class AddressRefusalsResource {

    /** The longest refusal, in minutes: 365 days. */
    static final long MAX_MINUTES = AccessRestrictionsImpl.MAXIMUM_PERIOD.toMinutes();

    private final AccessRestrictions restrictions;

    @Activate
    public AddressRefusalsResource(@Reference AccessRestrictions restrictions) {
        this.restrictions = restrictions;
    }

    @GET
    @Operation(summary = "List the addresses refused now", responses = {
            @ApiResponse(responseCode = "200", description = "the refusals in force, by address"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage")})
    public List<AddressRefusalBody> list() {
        return restrictions.refusedAddresses().stream().map(AddressRefusalBody::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse every login and request from an address for a number of minutes", responses = {
            @ApiResponse(responseCode = "201", description = "refused; Location names the refusal"),
            @ApiResponse(responseCode = "400", description = "not an address, a period out of 1..525600 minutes, or no reason"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage")})
    public Response refuse(AddressRefusalRequest body, @Context UriInfo uriInfo) {
        RequestChecks.body(body);
        RequestChecks.start().required("address", body.address(), 64).required("minutes", body.minutes())
                .required("reason", body.reason(), AccessRestrictionsImpl.MAXIMUM_REASON).verify();
        if (body.minutes() < 1 || body.minutes() > MAX_MINUTES) {
            throw ValidationException.of("minutes", "must be between 1 and " + MAX_MINUTES);
        }
        String address = AccessRestrictionsImpl.address(body.address());
        restrictions.refuseAddress(address, Duration.ofMinutes(body.minutes()), body.reason());
        AddressRefusal refusal = restrictions.refusedAddresses().stream().filter(r -> r.address().equals(address))
                .findFirst().orElseThrow(() -> new NotFoundException("address refusal", address));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(address).build())
                .entity(AddressRefusalBody.of(refusal)).build();
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Allow an address again", responses = {
            @ApiResponse(responseCode = "204", description = "the refusal is lifted"),
            @ApiResponse(responseCode = "400", description = "not an address"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage"),
            @ApiResponse(responseCode = "404", description = "the address is not refused")})
    public Response allow(@Parameter(description = "the refused IPv4 or IPv6 address") @PathParam("address") String address) {
        if (!restrictions.allowAddress(address)) {
            throw new NotFoundException("address refusal", AccessRestrictionsImpl.address(address));
        }
        return Response.noContent().build();
    }
}
