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
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.security.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
 * {@code /api/v1/teams}: list, show, create, describe and delete teams, add and remove members (reading needs
 * {@code teams:read}, changing {@code teams:manage}; the team service checks the caller and validates). Members are
 * shown with their usernames while the user directory runs.
 */
@Component(service = TeamsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-teams")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "teams", description = "Teams: the users a team-scoped permission reaches")
public class TeamsResource {

    private final TeamService teams;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory directory;

    @Activate
    public TeamsResource(@Reference TeamService teams) {
        this.teams = teams;
    }

    @GET
    @Operation(summary = "List every team by name", responses = {
            @ApiResponse(responseCode = "200", description = "{\"items\":[team]}"),
            @ApiResponse(responseCode = "403", description = "the caller may not read teams")})
    public ItemsBody<TeamBody> list() {
        return new ItemsBody<>(teams.list().stream().map(this::body).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an empty team", responses = {
            @ApiResponse(responseCode = "201", description = "created; Location names the team",
                    headers = @Header(name = "Location", description = "the team's URI"),
                    content = @Content(schema = @Schema(implementation = TeamBody.class))),
            @ApiResponse(responseCode = "400", description = "bad name or description"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage teams"),
            @ApiResponse(responseCode = "409", description = "the name is taken")})
    public Response create(NewTeamRequest body, @Context UriInfo uriInfo) {
        RequestChecks.body(body);
        Team team = teams.create(new TeamDraft(body.name(), body.description()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(team.name()).build()).entity(body(team))
                .build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Show a team and its members", responses = {
            @ApiResponse(responseCode = "200", description = "the team",
                    content = @Content(schema = @Schema(implementation = TeamBody.class))),
            @ApiResponse(responseCode = "403", description = "the caller may not read teams"),
            @ApiResponse(responseCode = "404", description = "no such team")})
    public TeamBody get(@PathParam("name") String name) {
        return body(teams.find(name).orElseThrow(() -> new NotFoundException("team", RequestChecks.shown(name))));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a team's description", responses = {
            @ApiResponse(responseCode = "200", description = "the team",
                    content = @Content(schema = @Schema(implementation = TeamBody.class))),
            @ApiResponse(responseCode = "400", description = "bad description"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage teams"),
            @ApiResponse(responseCode = "404", description = "no such team")})
    public TeamBody update(@PathParam("name") String name, TeamUpdateRequest body) {
        RequestChecks.body(body);
        return body(teams.update(name, new TeamDraft(name, body.description())));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a team (its members lose nothing but the team)", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage teams"),
            @ApiResponse(responseCode = "404", description = "no such team")})
    public Response delete(@PathParam("name") String name) {
        teams.delete(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{userId}")
    @Operation(summary = "Add a user to a team (adding a member again changes nothing)", responses = {
            @ApiResponse(responseCode = "200", description = "the team",
                    content = @Content(schema = @Schema(implementation = TeamBody.class))),
            @ApiResponse(responseCode = "400", description = "no such user"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage teams"),
            @ApiResponse(responseCode = "404", description = "no such team")})
    public TeamBody addMember(@PathParam("name") String name, @PathParam("userId") String userId) {
        return body(teams.addMember(name, userId));
    }

    @DELETE
    @Path("{name}/members/{userId}")
    @Operation(summary = "Remove a user from a team", responses = {
            @ApiResponse(responseCode = "200", description = "the team",
                    content = @Content(schema = @Schema(implementation = TeamBody.class))),
            @ApiResponse(responseCode = "400", description = "the user is not a member"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage teams"),
            @ApiResponse(responseCode = "404", description = "no such team")})
    public TeamBody removeMember(@PathParam("name") String name, @PathParam("userId") String userId) {
        return body(teams.removeMember(name, userId));
    }

    private TeamBody body(Team team) {
        UserDirectory users = directory;
        return TeamBody.of(team, id -> users == null ? null : users.usernameOf(id).orElse(null));
    }
}
