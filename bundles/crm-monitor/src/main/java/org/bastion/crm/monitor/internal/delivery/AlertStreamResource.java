package org.bastion.crm.monitor.internal.delivery;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/alerts/stream}: every alert change as a server-sent event ({@code event: alert}, a numbered
 * {@code id}, JSON {@code data}), with heartbeat comments while quiet. Needs {@code alerts:read}, checked by
 * {@link StreamAccessFilter} before the stream opens.
 */
@Component(service = AlertStreamResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-alert-stream")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({CrmRest.JSON_EXTENSION_SELECT, "(osgi.jaxrs.name=" + StreamAccessFilter.NAME + ")"})
@Path("alerts/stream")
@Tag(name = "alerts", description = "Alerts raised by the monitoring rules")
public class AlertStreamResource {

    private final SseHub hub;

    @Activate
    public AlertStreamResource(@Reference SseHub hub) {
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow alert changes as server-sent events", responses = {
            @ApiResponse(responseCode = "200", description = "the stream: event 'alert' with JSON data per change,"
                    + " comments as heartbeats", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "403", description = "the caller lacks alerts:read")})
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        hub.subscribe(new SseSink(sink, sse));
    }
}
