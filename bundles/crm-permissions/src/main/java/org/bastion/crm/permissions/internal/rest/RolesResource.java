package org.bastion.crm.permissions.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/roles}: list, show, create, replace and delete roles (reading needs {@code roles:read}, changing
 * {@code roles:manage}; the role service checks the caller and validates, this resource only translates).
 */
@Component(service = RolesResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-roles")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "roles", description = "Roles: named sets of permissions")
public class RolesResource {

    private final RoleService roles;

    @Activate
    public RolesResource(@Reference RoleService roles) {
        this.roles = roles;
    }

    @GET
    @Operation(summary = "List every role, built-in ones first", responses = {
            @ApiResponse(responseCode = "200", description = "{\"items\":[role]}"),
            @ApiResponse(responseCode = "403", description = "the caller may not read roles")})
    public ItemsBody<RoleBody> list() {
        return new ItemsBody<>(roles.list().stream().map(RoleBody::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a custom role", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location names the role",
                    headers = @Header(name = "Location", description = "the role's URI"),
                    content = @Content(schema = @Schema(implementation = RoleBody.class))),
            @ApiResponse(responseCode = "400", description = "bad name or permissions; errors name each problem"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage roles"),
            @ApiResponse(responseCode = "409", description = "the name is taken")})
    public Response create(NewRoleRequest body, @Context UriInfo uriInfo) {
        RequestChecks.body(body);
        Role role = roles.create(new RoleDraft(body.name(), body.description(),
                RequestChecks.permissions(body.permissions())));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(role.name()).build()).entity(RoleBody.of(role))
                .build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Show a role", responses = {
            @ApiResponse(responseCode = "200", description = "the role",
                    content = @Content(schema = @Schema(implementation = RoleBody.class))),
            @ApiResponse(responseCode = "403", description = "the caller may not read roles"),
            @ApiResponse(responseCode = "404", description = "no such role")})
    public RoleBody get(@PathParam("name") String name) {
        return RoleBody.of(roles.find(name)
                .orElseThrow(() -> new NotFoundException("role", RequestChecks.shown(name))));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a custom role's description and permissions", responses = {
            @ApiResponse(responseCode = "200", description = "the role",
                    content = @Content(schema = @Schema(implementation = RoleBody.class))),
            @ApiResponse(responseCode = "400", description = "bad permissions; errors name each problem"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage roles"),
            @ApiResponse(responseCode = "404", description = "no such role"),
            @ApiResponse(responseCode = "409", description = "a built-in role, which cannot change")})
    public RoleBody update(@PathParam("name") String name, RoleUpdateRequest body) {
        RequestChecks.body(body);
        return RoleBody.of(roles.update(name, new RoleDraft(name, body.description(),
                RequestChecks.permissions(body.permissions()))));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a custom role no user holds", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage roles"),
            @ApiResponse(responseCode = "404", description = "no such role"),
            @ApiResponse(responseCode = "409", description = "a built-in role, or one users still hold")})
    public Response delete(@PathParam("name") String name) {
        roles.delete(name);
        return Response.noContent().build();
    }
}
