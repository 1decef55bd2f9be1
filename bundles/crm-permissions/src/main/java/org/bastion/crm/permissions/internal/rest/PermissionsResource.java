package org.bastion.crm.permissions.internal.rest;

import java.util.Comparator;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/permissions}: the permission catalogue, what the installed bundles define (needs {@code roles:read};
 * the role service checks the caller and answers 403 otherwise).
 */
@Component(service = PermissionsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-permissions")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "permissions", description = "The permissions roles can grant")
public class PermissionsResource {

    private final RoleService roles;

    @Activate
    public PermissionsResource(@Reference RoleService roles) {
        this.roles = roles;
    }

    @GET
    @Operation(summary = "List the defined permissions, sorted by permission", responses = {
            @ApiResponse(responseCode = "200", description = "{\"items\":[{permission, description, scoped}]}"),
            @ApiResponse(responseCode = "403", description = "the caller may not read roles")})
    public ItemsBody<PermissionBody> list() {
        return new ItemsBody<>(roles.catalogue().stream().map(PermissionBody::of)
                .sorted(Comparator.comparing(PermissionBody::permission)).toList());
    }
}
