package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bastion.crm.itests.checks.sweep.OpenApiOperations;
import org.bastion.crm.itests.checks.sweep.Sweep;
import org.bastion.crm.itests.checks.sweep.SweepOperation;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;

/**
 * The malformed-input sweep (issue 11): reads {@code /api/v1/openapi.json} and sends every operation in it the cases of
 * {@link org.bastion.crm.itests.checks.sweep.SweepPlan} (40+ bad bodies, bad path ids, bad query values, bad
 * headers; a sample without a token). Passes only if no answer is a 5xx, none names a Java class or the server's
 * insides, and no bad body is accepted where the operation declares a body; otherwise one assertion lists every
 * offending answer.
 */
public final class MalformedInputSweepChecks {

    /** Fewer operations than this means the document lost its resources, and a sweep of it would prove nothing. */
    public static final int MINIMUM_OPERATIONS = 40;

    private final CrmApi admin;
    private final ApiClients clients;

    /** Checks with the suite admin's client (who creates the sweep's own administrator) and {@code clients}. */
    public MalformedInputSweepChecks(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.clients = clients;
    }

    /** Sweeps every operation of the document; fails listing every offending answer. */
    public void everyOperationAnswersMalformedInputWithA4xxThatRevealsNothing() {
        JsonNode document = Expect.json(200, admin.get("/openapi.json"));
        List<SweepOperation> operations = OpenApiOperations.of(document);
        assertTrue("the OpenAPI document lists at least " + MINIMUM_OPERATIONS + " operations, so the sweep covers the"
                + " API: " + operations, operations.size() >= MINIMUM_OPERATIONS);
        Sweep.Result result = Sweep.run(operations, admin, clients, admin.uri("/").getPort());
        System.out.println(result.summary());
        assertTrue("the suite admin's session survives the sweep (it ran in sessions of its own)",
                new Logins(clients).accepted(AdminLogin.current().token()));
        if (!result.offences().isEmpty()) {
            fail(result.offences().size() + " answers of the malformed-input sweep offend (5xx, a Java class or the"
                    + " server's insides named, or a bad body accepted):\n" + result.report() + "\n" + result.summary());
        }
    }
}
