package org.bastion.crm.security.internal.rest;

import java.util.LinkedHashSet;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

import org.bastion.crm.api.Page;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.rest.Paging;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/users}: user administration (holders of {@code users:manage} only; the user service checks the caller
 * and answers 403 otherwise): create, list, show, disable, enable, unlock, reset password, reset two-factor login, show
 * and replace roles.
 */
@Component(service = UsersResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-users")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "User administration (users:manage)")
public class UsersResource {

    private final UserService users;

    @Activate
    public UsersResource(@Reference UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location names the user",
                    headers = @Header(name = "Location", description = "the user's URI"),
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "400", description = "invalid user; errors name each field"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage"),
            @ApiResponse(responseCode = "409", description = "the username is taken")})
    public Response create(NewUserRequest body, @Context UriInfo uriInfo) {
        RequestChecks.body(body);
        RequestChecks.start()
                .required("username", body.username(), RequestChecks.MAX_USERNAME)
                .required("displayName", body.displayName())
                .required("email", body.email())
                .password("password", body.password())
                .noNullElements("roles", body.roles())
                .verify();
        UserDraft draft = new UserDraft(body.username(), body.displayName(), body.email(), body.password(),
                body.roles() == null ? null : new LinkedHashSet<>(body.roles()));
        User user = users.create(draft);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id()).build()).entity(UserBody.of(user))
                .build();
    }

    @GET
    @Operation(summary = "List users by username, one page at a time", responses = {
            @ApiResponse(responseCode = "200", description = "the page"),
            @ApiResponse(responseCode = "400", description = "bad paging parameter"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage")})
    public PageBody<UserBody> list(
            @Parameter(description = "zero-based page number, default 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 200, default 20") @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        Page<User> found = users.list(Paging.request(page, size, null));
        Page<UserBody> bodies = new Page<>(found.items().stream().map(UserBody::of).toList(), found.total(),
                found.page(), found.size());
        return Paging.body(uriInfo.getRequestUri(), bodies);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Show a user", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public UserBody get(@PathParam("id") String id) {
        return UserBody.of(users.get(id));
    }

    @GET
    @Path("{id}/roles")
    @Operation(summary = "The roles a user holds", responses = {
            @ApiResponse(responseCode = "200", description = "the roles",
                    content = @Content(schema = @Schema(implementation = RolesBody.class))),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage"),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public RolesBody roles(@PathParam("id") String id) {
        return RolesBody.of(users.get(id));
    }

    @PUT
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the roles a user holds; open sessions get them on their next request", responses = {
            @ApiResponse(responseCode = "200", description = "the roles now held",
                    content = @Content(schema = @Schema(implementation = RolesBody.class))),
            @ApiResponse(responseCode = "400", description = "no role, too many roles, or unknown roles (each named)"),
            @ApiResponse(responseCode = "403", description = "the caller lacks users:manage"),
            @ApiResponse(responseCode = "404", description = "no such user"),
            @ApiResponse(responseCode = "409", description = "this would take the admin role from the last active "
                    + "administrator, or from the caller")})
    public RolesBody setRoles(@PathParam("id") String id, RolesRequest body) {
        RequestChecks.body(body);
        RequestChecks.start().required("roles", body.roles()).noNullElements("roles", body.roles()).verify();
        return RolesBody.of(users.setRoles(id, new LinkedHashSet<>(body.roles())));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a user and end all their sessions", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "404", description = "no such user"),
            @ApiResponse(responseCode = "409", description = "the last active administrator")})
    public UserBody disable(@PathParam("id") String id) {
        return UserBody.of(users.disable(id));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled user", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public UserBody enable(@PathParam("id") String id) {
        return UserBody.of(users.enable(id));
    }

    @POST
    @Path("{id}/unlock")
    @Operation(summary = "Lift a brute-force lock and forget the failed attempts", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public UserBody unlock(@PathParam("id") String id) {
        return UserBody.of(users.unlock(id));
    }

    @POST
    @Path("{id}/reset-totp")
    @Operation(summary = "Remove the user's authenticator app and recovery codes", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public UserBody resetTotp(@PathParam("id") String id) {
        return UserBody.of(users.resetTotp(id));
    }

    @POST
    @Path("{id}/reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password and end all the user's sessions", responses = {
            @ApiResponse(responseCode = "200", description = "the user",
                    content = @Content(schema = @Schema(implementation = UserBody.class))),
            @ApiResponse(responseCode = "400", description = "password missing, too long or refused by the policy"),
            @ApiResponse(responseCode = "404", description = "no such user")})
    public UserBody resetPassword(@PathParam("id") String id, PasswordResetRequest body) {
        RequestChecks.body(body);
        RequestChecks.start().password("password", body.password()).verify();
        return UserBody.of(users.resetPassword(id, body.password()));
    }
}
