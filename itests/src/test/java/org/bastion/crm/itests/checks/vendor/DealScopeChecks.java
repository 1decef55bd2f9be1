package org.bastion.crm.itests.checks.vendor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.checks.permissions.PermissionsApi;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin's own permission set honoured per record scope: roles granting {@code deals:*} at own, team and all
 * scope (created through the CRM's role API once the plugin put its permissions in the catalogue), users holding
 * them, and what each may read, change and delete.
 */
public final class DealScopeChecks {

    private final CrmApi admin;
    private final ApiClients clients;
    private final PermissionsApi permissions;

    /** Checks as the admin, with clients for the users it creates. */
    public DealScopeChecks(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.clients = clients;
        this.permissions = new PermissionsApi(admin);
    }

    /** The catalogue lists the plugin's permissions while it is installed. */
    public void catalogueListsDealPermissions() {
        assertTrue(permissions.catalogue().containsAll(java.util.List.of("deals:read", "deals:write", "deals:delete",
                "deals:read-sensitive", "deals:write-sensitive")));
    }

    /** Own, team and all scopes each reach exactly the deals they should, for reading and for changing. */
    public void ownTeamAndAllScopesReachTheirDeals() {
        String ownRole = PermissionsApi.newName("deals-own");
        String teamRole = PermissionsApi.newName("deals-team");
        String allRole = PermissionsApi.newName("deals-all");
        permissions.createRole(ownRole, "deals:read:own", "deals:write:own", "deals:delete:own");
        permissions.createRole(teamRole, "deals:read:team", "deals:write:team");
        permissions.createRole(allRole, "deals:read:all");
        EnrolledUser seller = EnrolledUser.create(admin, clients, "seller", ownRole);
        EnrolledUser mate = EnrolledUser.create(admin, clients, "mate", ownRole);
        EnrolledUser lead = EnrolledUser.create(admin, clients, "lead", teamRole);
        EnrolledUser auditor = EnrolledUser.create(admin, clients, "auditor", allRole);
        String team = PermissionsApi.newName("deal-desk");
        permissions.createTeam(team);
        permissions.join(team, lead.id());
        permissions.join(team, mate.id());

        String run = DealsData.runId();
        String sellers = create(DealsData.dealWithNotes("Own " + run, seller.id(), "private " + run));
        String mates = create(DealsData.deal("Mate " + run, "20", mate.id()));
        String admins = create(DealsData.deal("Admin " + run, "30", null));

        CrmApi own = seller.api();
        JsonNode read = Expect.json(200, own.get(sellers));
        assertTrue("notes need deals:read-sensitive: " + read, read.path("notes").isMissingNode() || read.path("notes").isNull());
        Expect.problem(404, own.get(mates));
        Expect.problem(404, own.get(admins));
        assertEquals("own scope lists own deals only", 1, total(own));
        Expect.problem(403, own.post("/deals", DealsData.deal("Given " + run, "1", mate.id())));
        Expect.problem(403, own.post("/deals", DealsData.dealWithNotes("Noted " + run, null, "x")));
        String created = Expect.status(201, own.post("/deals", DealsData.deal("Mine " + run, "1", null))).location();
        Expect.deleted(own.delete(created));
        ApiResponse current = Expect.status(200, own.get(sellers));
        Expect.problem(403, own.patch(sellers, java.util.Map.of("notes", "overwritten"), "If-Match", current.etag()));
        ApiResponse renamed = Expect.status(200, own.patch(sellers, java.util.Map.of("title", "Own renamed " + run),
                "If-Match", current.etag()));
        assertEquals("Own renamed " + run, renamed.json().path("title").asText());
        assertEquals("a write without write-sensitive keeps the notes", "private " + run,
                Expect.json(200, admin.get(sellers)).path("notes").asText());

        CrmApi teamLead = lead.api();
        Expect.status(200, teamLead.get(mates));
        Expect.problem(404, teamLead.get(sellers));
        Expect.problem(404, teamLead.get(admins));
        assertEquals("team scope lists the mates' deals", 1, total(teamLead));
        ApiResponse mateDeal = Expect.status(200, teamLead.get(mates));
        Expect.status(200, teamLead.patch(mates, java.util.Map.of("stage", "WON"), "If-Match", mateDeal.etag()));
        Expect.problem(403, teamLead.delete(mates));

        CrmApi all = auditor.api();
        Expect.status(200, all.get(sellers));
        Expect.status(200, all.get(mates));
        ApiResponse adminDeal = Expect.status(200, all.get(admins));
        assertTrue("all scope lists every deal", total(all) >= 3);
        Expect.problem(403, all.patch(admins, java.util.Map.of("stage", "LOST"), "If-Match", adminDeal.etag()));
        Expect.problem(403, all.delete(admins));

        for (String path : java.util.List.of(sellers, mates, admins)) {
            Expect.deleted(admin.delete(path));
        }
        Expect.deleted(admin.delete("/teams/" + team));
    }

    private String create(java.util.Map<String, Object> deal) {
        return "/deals/" + Expect.json(201, admin.post("/deals", deal)).path("id").asText();
    }

    private static int total(CrmApi session) {
        JsonNode page = Expect.json(200, session.get("/deals?size=200"));
        return page.path("total").asInt();
    }
}
