package org.bastion.crm.itests.checks.permissions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bastion.crm.itests.checks.permissions.BuiltInRoles.Relation;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.RestEndpoints;
import org.osgi.framework.BundleContext;

/**
 * The authorization matrix: every endpoint the running application serves (from the JAX-RS runtime DTO) must have a
 * rule in {@link EndpointRules}, and answers each built-in role (own, team mate's and foreign record for record
 * endpoints) with the status the rule and {@link BuiltInRoles} give; a 403 or 404 must be problem+json. Every
 * mismatch is collected and reported together.
 */
public final class AuthorizationMatrixChecks {

    private static final System.Logger LOG = System.getLogger(AuthorizationMatrixChecks.class.getName());
    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    private static final List<Relation> ONE_CALL = List.of(Relation.OWN);

    private final CrmApi admin;
    private final ApiClients clients;
    private final BundleContext bundleContext;

    /** Checks with the admin's client, clients of other sessions and the container (for the runtime DTO). */
    public AuthorizationMatrixChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.bundleContext = bundleContext;
    }

    /** Calls every endpoint as every built-in role and compares each answer with the rule table. */
    public void everyEndpointAnswersEveryBuiltInRoleAsItsRuleSays() {
        for (String path : List.of("/permissions", "/roles", "/teams")) {
            Await.until("GET " + path + " to be registered", REGISTRATION, () -> admin.get(path),
                    r -> r.status() != 404 && r.status() != 503);
        }
        Set<String> endpoints = RestEndpoints.of(bundleContext, EndpointRules::key);
        Map<String, EndpointRule> rules = EndpointRules.table();
        LOG.log(System.Logger.Level.INFO, "Authorization matrix over the endpoints " + endpoints);
        List<String> mismatches = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (!rules.containsKey(endpoint)) {
                mismatches.add("no rule in EndpointRules for the endpoint " + endpoint
                        + " (every endpoint needs one: add it with its permission)");
            }
        }
        for (String endpoint : rules.keySet()) {
            if (!endpoints.contains(endpoint)) {
                mismatches.add("the endpoint " + endpoint + " of the contract is not served by the application");
            }
        }
        MatrixFixture fixture = MatrixFixture.setUp(admin, clients);
        int calls = 0;
        for (Map.Entry<String, EndpointRule> entry : rules.entrySet()) {
            if (!endpoints.contains(entry.getKey())) {
                continue;
            }
            EndpointRule rule = entry.getValue();
            for (String role : BuiltInRoles.NAMES) {
                for (Relation relation : rule.perRelation() ? List.of(Relation.values()) : ONE_CALL) {
                    calls++;
                    check(fixture, entry.getKey(), rule, role, relation).ifPresent(mismatches::add);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " mismatches in the authorization matrix (" + calls
                    + " calls):\n" + String.join("\n", mismatches));
        }
    }

    private Optional<String> check(MatrixFixture fixture, String endpoint, EndpointRule rule, String role,
            Relation relation) {
        String where = "role " + role + ", " + endpoint + (rule.perRelation() ? ", " + relation + " record" : "")
                + " [" + rule.describe() + "]";
        int expected = rule.expected(role, relation);
        ApiResponse answer;
        try {
            answer = rule.call().make(fixture, role, relation);
        } catch (RuntimeException | AssertionError e) {
            return Optional.of(where + ": expected " + expected + ", the call failed: " + e.getMessage());
        }
        if (answer.status() != expected) {
            return Optional.of(where + ": expected " + expected + ", got " + answer.describe());
        }
        if ((expected == 403 || expected == 404) && !ApiResponse.PROBLEM_JSON.equals(answer.mediaType())) {
            return Optional.of(where + ": a " + expected + " must be " + ApiResponse.PROBLEM_JSON + ", got "
                    + answer.describe());
        }
        return Optional.empty();
    }
}
