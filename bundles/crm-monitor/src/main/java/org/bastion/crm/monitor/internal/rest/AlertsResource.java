package org.bastion.crm.monitor.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.rest.Paging;
import org.bastion.crm.monitor.internal.alert.AlertServiceImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/alerts}: list and show alerts ({@code alerts:read}), acknowledge, resolve and undo their automatic
 * responses ({@code alerts:manage}); the alert service checks the caller, this resource only translates.
 */
@Component(service = AlertsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-alerts")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Monitoring alerts and automatic responses")
public class AlertsResource {

    static final String NOTE_BODY = "The body is optional: none (or an empty one), or a JSON object with a note of at "
            + "most 500 characters.";

    private final AlertServiceImpl alerts;

    @Activate
    public AlertsResource(@Reference AlertServiceImpl alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "List alerts, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "a page of alerts"),
            @ApiResponse(responseCode = "400", description = "an unknown filter or a bad value"),
            @ApiResponse(responseCode = "403", description = "the caller may not read alerts")})
    public PageBody<AlertBody> list(@Parameter(description = "a rule's name") @QueryParam("rule") String rule,
            @Parameter(description = "open, acknowledged or resolved") @QueryParam("state") String state,
            @Parameter(description = "low, medium, high or critical") @QueryParam("severity") String severity,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
            @Context UriInfo uriInfo) {
        alerts.checkRead();
        AlertQuery query = AlertRequests.query(uriInfo.getQueryParameters());
        PageRequest request = Paging.request(page, size, sort);
        Page<Alert> found = alerts.list(query, request);
        Page<AlertBody> bodies = new Page<>(found.items().stream().map(alert -> AlertBody.of(alert, null)).toList(),
                found.total(), found.page(), found.size());
        return Paging.body(uriInfo.getRequestUri(), bodies);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Show an alert with its automatic responses", responses = {
            @ApiResponse(responseCode = "200", description = "the alert"),
            @ApiResponse(responseCode = "403", description = "the caller may not read alerts"),
            @ApiResponse(responseCode = "404", description = "no such alert")})
    public AlertBody get(@PathParam("id") String id) {
        alerts.checkRead();
        Alert alert = alerts.get(AlertRequests.id(id));
        return AlertBody.of(alert, alerts.responses(alert.id()).stream().map(ResponseBody::of).toList());
    }

    @POST
    @Path("{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert", description = NOTE_BODY, requestBody = @RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteRequest.class))), responses = {
            @ApiResponse(responseCode = "200", description = "the alert"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage alerts"),
            @ApiResponse(responseCode = "404", description = "no such alert"),
            @ApiResponse(responseCode = "400", description = "a malformed body or a note too long"),
            @ApiResponse(responseCode = "409", description = "the alert is resolved"),
            @ApiResponse(responseCode = "415", description = "a body that is not application/json")})
    public AlertBody acknowledge(@PathParam("id") String id, @Parameter(hidden = true) InputStream body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context Providers providers) throws IOException {
        alerts.checkManage();
        UUID alert = AlertRequests.id(id);
        String note = NoteRequests.note(body, contentType, () -> NoteRequests.mapper(providers));
        return AlertBody.of(alerts.acknowledge(alert, note), null);
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolve an alert; the next trigger raises a new one", description = NOTE_BODY,
            requestBody = @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteRequest.class))), responses = {
                @ApiResponse(responseCode = "200", description = "the alert"),
                @ApiResponse(responseCode = "403", description = "the caller may not manage alerts"),
                @ApiResponse(responseCode = "400", description = "a malformed body or a note too long"),
                @ApiResponse(responseCode = "404", description = "no such alert"),
                @ApiResponse(responseCode = "415", description = "a body that is not application/json")})
    public AlertBody resolve(@PathParam("id") String id, @Parameter(hidden = true) InputStream body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context Providers providers) throws IOException {
        alerts.checkManage();
        UUID alert = AlertRequests.id(id);
        String note = NoteRequests.note(body, contentType, () -> NoteRequests.mapper(providers));
        return AlertBody.of(alerts.resolve(alert, note), null);
    }

    @POST
    @Path("{id}/responses/undo")
    @Operation(summary = "Undo the alert's account locks and address refusals", responses = {
            @ApiResponse(responseCode = "200", description = "{\"items\":[response]}: the responses undone now"),
            @ApiResponse(responseCode = "403", description = "the caller may not manage alerts or users"),
            @ApiResponse(responseCode = "404", description = "no such alert")})
    public ItemsBody<ResponseBody> undo(@PathParam("id") String id) {
        alerts.checkManage();
        List<ResponseBody> undone = alerts.undoResponses(AlertRequests.id(id)).stream().map(ResponseBody::of)
                .toList();
        return new ItemsBody<>(undone);
    }

    /**
     * A list body.
     *
     * @param items the items
     * @param <T> their type
     */
    public record ItemsBody<T>(List<T> items) {
    }
}
