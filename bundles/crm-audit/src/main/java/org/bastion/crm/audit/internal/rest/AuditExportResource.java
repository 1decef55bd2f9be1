package org.bastion.crm.audit.internal.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.audit.internal.AuditChain;
import org.bastion.crm.audit.internal.export.ExportRange;
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
 * {@code GET /api/v1/audit/export?from=&to=}: a range of the chain (sequence numbers, inclusive) as NDJSON with its
 * checkpoints and public keys, verifiable offline (docs/audit.md); needs {@code audit:read}.
 */
@Component(service = AuditExportResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-export")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("audit/export")
@Tag(name = "audit", description = "The tamper-evident audit trail")
public class AuditExportResource {

    /** The media type of the export. */
    public static final String NDJSON = "application/x-ndjson";

    private final AuditChain chain;

    @Activate
    public AuditExportResource(@Reference AuditChain chain) {
        this.chain = chain;
    }

    @GET
    @Produces({NDJSON, CrmRest.PROBLEM_JSON})
    @Operation(summary = "Export a range of the audit chain as NDJSON", responses = {
            @ApiResponse(responseCode = "200", description = "range, key, entry and checkpoint lines"),
            @ApiResponse(responseCode = "400", description = "from or to is not a sequence number of the chain,"
                    + " is empty or given twice, from is after to, or another parameter is given"),
            @ApiResponse(responseCode = "403", description = "the caller may not read the audit trail")})
    public Response export(
            @Parameter(description = "first sequence number (default: the first entry)") @QueryParam("from") String from,
            @Parameter(description = "last sequence number (default: the head)") @QueryParam("to") String to,
            @Context UriInfo uriInfo) {
        requireStrictQuery(uriInfo.getQueryParameters());
        AuditChain.PreparedExport export = chain.prepareExport(from, to);
        ExportRange range = export.range();
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65_536);
            export.writeTo(writer);
            writer.flush();
        };
        return Response.ok(body, NDJSON).header("Content-Disposition",
                "attachment; filename=\"audit-" + range.from() + "-" + range.to() + ".ndjson\"").build();
    }

    /**
     * Refuses what the list endpoint refuses too: a parameter other than {@code from} and {@code to}, one given more
     * than once, one given without a value.
     *
     * @throws ValidationException naming the parameter
     */
    static void requireStrictQuery(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!name.equals("from") && !name.equals("to")) {
                throw ValidationException.of(name, "unknown parameter; use from, to");
            }
            if (parameter.getValue().size() > 1) {
                throw ValidationException.of(name, "must be given at most once");
            }
            if (parameter.getValue().get(0) == null || parameter.getValue().get(0).isBlank()) {
                throw ValidationException.of(name, "must be a sequence number (a whole number from 1)");
            }
        }
    }
}
