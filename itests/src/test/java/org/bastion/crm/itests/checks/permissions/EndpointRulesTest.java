package org.bastion.crm.itests.checks.permissions;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.bastion.crm.itests.checks.permissions.BuiltInRoles.Relation;
import org.junit.Test;

/**
 * The oracle of the authorization matrix against statuses worked out by hand from issue 5's role table and scope
 * rules; a plain unit test run by Surefire, outside any container.
 */
public class EndpointRulesTest {

    private static final Map<String, EndpointRule> RULES = EndpointRules.table();

    @Test
    public void salesReadTheTeamsContactsButChangeAndDeleteOnlyTheirOwn() {
        assertStatuses("sales", "GET /contacts/{}", 200, 200, 404);
        assertStatuses("sales", "PUT /contacts/{}", 200, 403, 404);
        assertStatuses("sales", "DELETE /contacts/{}", 204, 403, 404);
        assertStatuses("sales", "POST /contacts", 201, 403, 403);
        assertStatuses("sales", "PATCH /companies/{}", 200, 403, 403);
        assertStatuses("sales", "DELETE /companies/{}", 403, 403, 403);
    }

    @Test
    public void salesManagersReachTheirTeamAndReadEveryCompany() {
        assertStatuses("sales-manager", "DELETE /contacts/{}", 204, 204, 404);
        assertStatuses("sales-manager", "POST /contacts", 201, 201, 403);
        assertStatuses("sales-manager", "PUT /companies/{}", 200, 200, 200);
        assertStatuses("sales-manager", "DELETE /companies/{}", 204, 204, 403);
        assertEquals(200, expected("sales-manager", "GET /teams", Relation.OWN));
        assertEquals(403, expected("sales-manager", "GET /roles", Relation.OWN));
    }

    @Test
    public void readOnlyRolesGet403ForChangesOfWhatTheyRead() {
        assertStatuses("support", "GET /contacts/{}", 200, 200, 200);
        assertStatuses("support", "PUT /contacts/{}", 403, 403, 403);
        assertStatuses("dpo", "DELETE /contacts/{}", 204, 204, 204);
        assertStatuses("dpo", "PATCH /contacts/{}", 403, 403, 403);
    }

    @Test
    public void auditorsReadKeysRolesAndTeamsButNoRecord() {
        assertStatuses("auditor", "GET /contacts/{}", 403, 403, 403);
        assertStatuses("auditor", "GET /companies/{}/contacts", 403, 403, 403);
        assertEquals(403, expected("auditor", "GET /contacts", Relation.OWN));
        assertEquals(200, expected("auditor", "GET /keys", Relation.OWN));
        assertEquals(404, expected("auditor", "GET /keys/rotations/{}", Relation.OWN));
        assertEquals(403, expected("auditor", "POST /keys/{}/rotations", Relation.OWN));
        assertEquals(200, expected("auditor", "GET /permissions", Relation.OWN));
        assertEquals(403, expected("auditor", "POST /roles", Relation.OWN));
        assertEquals(403, expected("auditor", "GET /users", Relation.OWN));
    }

    @Test
    public void adminsGetTheStatusOfTheHarmlessTarget() {
        assertEquals(400, expected("admin", "POST /keys/{}/rotations", Relation.OWN));
        assertEquals(404, expected("admin", "PUT /users/{}/roles", Relation.OWN));
        assertEquals(404, expected("admin", "DELETE /teams/{}/members/{}", Relation.OWN));
        assertEquals(201, expected("admin", "POST /teams", Relation.OWN));
        assertStatuses("admin", "DELETE /contacts/{}", 204, 204, 204);
    }

    @Test
    public void sessionAndPublicEndpointsAnswerEveryRoleAlike() {
        for (String role : BuiltInRoles.NAMES) {
            assertEquals(200, expected(role, "GET /health", Relation.OWN));
            assertEquals(204, expected(role, "POST /auth/logout", Relation.OWN));
            assertEquals(409, expected(role, "POST /auth/totp/enroll", Relation.OWN));
        }
    }

    @Test
    public void keysIgnoreParameterNamesRegexesAndSlashes() {
        assertEquals("GET /contacts/{}", EndpointRules.key("get", "/contacts/{id: [0-9a-f-]+}"));
        assertEquals("GET /contacts", EndpointRules.key("GET", "contacts/"));
        assertEquals("PUT /teams/{}/members/{}", EndpointRules.key("PUT", "/teams//{name}/members/{userId}"));
        for (String key : RULES.keySet()) {
            String[] parts = key.split(" ", 2);
            assertEquals("the table's keys are in normal form", key, EndpointRules.key(parts[0], parts[1]));
        }
    }

    @Test
    public void wildcardGrantsImplyEveryActionOfTheirDomain() {
        assertEquals(true, BuiltInRoles.holds("dpo", "gdpr:erase"));
        assertEquals(false, BuiltInRoles.holds("dpo", "roles:manage"));
        assertEquals(BuiltInRoles.Scope.ALL, BuiltInRoles.scope("admin", "anything", "at-all"));
        assertEquals(BuiltInRoles.Scope.NONE, BuiltInRoles.scope("sales", "contacts", "export"));
        assertEquals(true, BuiltInRoles.holds("sales-manager", "contacts:export"));
    }

    private static void assertStatuses(String role, String endpoint, int own, int team, int foreign) {
        assertEquals(role + " " + endpoint + " own", own, expected(role, endpoint, Relation.OWN));
        assertEquals(role + " " + endpoint + " team", team, expected(role, endpoint, Relation.TEAM));
        assertEquals(role + " " + endpoint + " foreign", foreign, expected(role, endpoint, Relation.FOREIGN));
    }

    private static int expected(String role, String endpoint, Relation relation) {
        EndpointRule rule = RULES.get(endpoint);
        if (rule == null) {
            throw new AssertionError("no rule for " + endpoint);
        }
        return rule.expected(role, relation);
    }
}
