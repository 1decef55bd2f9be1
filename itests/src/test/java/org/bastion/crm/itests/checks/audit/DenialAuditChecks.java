package org.bastion.crm.itests.checks.audit;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.itests.checks.audit.AuditRows.Row;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * Denials recorded as {@code access.denied} (401, 403, and 404 for a record outside the caller's scope, answered
 * exactly like a missing record), and a change that fails after its entry was written leaving no entry.
 */
public final class DenialAuditChecks {

    private final CrmApi admin;
    private final ApiClients clients;
    private final CrmUsers users;
    private final Logins logins;
    private final CrmDatabase database;
    private final AuditRows rows;

    public DenialAuditChecks(CrmApi admin, ApiClients clients, CrmDatabase database) {
        this.admin = admin;
        this.clients = clients;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.database = database;
        this.rows = new AuditRows(database);
    }

    /** A request without a session (401) and one without the permission (403). */
    public void unauthenticatedAndForbiddenRequestsAreRecorded() {
        String marker = "s-denied-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, clients.anonymous().get("/users/" + marker).status());
        Row unauthenticated = rows.await("access.denied", "details LIKE ?", "%" + marker + "%");
        assertEquals("anonymous", unauthenticated.actorId());
        assertEquals("denied", unauthenticated.outcome().toLowerCase(java.util.Locale.ROOT));
        assertTrue("status and method: " + unauthenticated, unauthenticated.details().contains("401")
                && unauthenticated.details().contains("GET"));
        SecurityAuditChecks.assertRest(unauthenticated);

        TestUser user = users.create("s-forbidden");
        CrmApi session = logins.session(logins.token(user.username(), user.password()));
        assertEquals(403, session.get("/users/" + marker).status());
        Row forbidden = rows.await("access.denied", "actor_id = ? AND details LIKE ?", user.id(), "%403%");
        assertTrue("the path: " + forbidden, forbidden.details().contains(marker));
        SecurityAuditChecks.assertRest(forbidden);
    }

    /**
     * A salesperson asking for the administrator's contact gets the same 404 as for a contact that does not exist;
     * the trail records which contact was refused.
     */
    public void aRecordOutsideTheCallersScopeIsRecordedAndAnsweredLikeAMissingOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = Expect.status(201, admin.post("/contacts", object("firstName", "Scope", "lastName",
                "Check" + run, "emails", array(object("type", "work", "address", "scope-" + run + "@example.com",
                        "primary", true)))));
        String contactId = created.json().path("id").asText();
        TestUser sales = users.create("s-scope", "sales");
        CrmApi session = logins.session(logins.token(sales.username(), sales.password()));

        ApiResponse outside = session.get("/contacts/" + contactId);
        String missingId = UUID.randomUUID().toString();
        ApiResponse missing = session.get("/contacts/" + missingId);
        assertEquals(404, outside.status());
        assertEquals(404, missing.status());
        assertEquals("the same answer as for a missing contact", missing.body().replace(missingId, "ID"),
                outside.body().replace(contactId, "ID"));

        Row denied = rows.await("access.denied", "actor_id = ? AND target_kind = 'contact' AND target_id = ?",
                sales.id(), contactId);
        assertTrue("a 404 out of scope: " + denied, denied.details().contains("404")
                && denied.details().contains("out-of-scope"));
        assertEquals("a contact that does not exist is no denial", 0,
                rows.count("access.denied", "target_id = ?", missingId));
    }

    /**
     * A role change whose write fails after its entry was written (a constraint the test adds refuses the role):
     * the change and its entry roll back together.
     */
    public void aChangeThatRollsBackLeavesNoEntry() {
        String blocked = "s-blocked-" + UUID.randomUUID().toString().substring(0, 8);
        Expect.status(201, admin.post("/roles", object("name", blocked, "description", "refused by the database",
                "permissions", List.of("contacts:read:own"))));
        TestUser user = users.create("s-rollback");
        String constraint = "s_no_" + blocked.substring("s-blocked-".length());
        database.update("ALTER TABLE crm_user_role ADD CONSTRAINT " + constraint + " CHECK (role <> '" + blocked
                + "')");
        try {
            long before = rows.highestId();
            int status = admin.put(user.path() + "/roles", object("roles", List.of(blocked))).status();
            assertTrue("the change fails: " + status, status >= 400);
            Expect.status(200, admin.put(user.path() + "/roles", object("roles", List.of("support"))));
            rows.await("user.roles.changed", "target_id = ? AND id > ?", user.id(), before);
            assertEquals("only the change that committed is recorded", 1,
                    rows.count("user.roles.changed", "target_id = ? AND id > ?", user.id(), before));
            assertEquals(0, rows.count("user.roles.changed", "target_id = ? AND details LIKE ?", user.id(),
                    "%" + blocked + "%"));
        } finally {
            database.update("ALTER TABLE crm_user_role DROP CONSTRAINT " + constraint);
        }
    }
}
