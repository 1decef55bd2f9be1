package org.bastion.crm.audit.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.audit.internal.AuditChain;
import org.bastion.crm.audit.internal.verify.VerificationResult;
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

/** {@code GET /api/v1/audit/verify}: checks the whole chain and every checkpoint signature (needs {@code audit:read}). */
@Component(service = AuditVerifyResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-audit-verify")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("audit/verify")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The tamper-evident audit trail")
public class AuditVerifyResource {

    private final AuditChain chain;

    @Activate
    public AuditVerifyResource(@Reference AuditChain chain) {
        this.chain = chain;
    }

    @GET
    @Operation(summary = "Verify the hash chain and the checkpoint signatures", responses = {
            @ApiResponse(responseCode = "200", description = "{ok, entries, checkpoints, headSequence, failedAt,"
                    + " problem, millis}: failedAt names the first entry changed, removed, reordered or inserted"),
            @ApiResponse(responseCode = "403", description = "the caller may not read the audit trail")})
    public VerificationResult verify() {
        return chain.verify(done -> { });
    }
}
