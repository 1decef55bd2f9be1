package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.EventCollector;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;

/**
 * Teams over REST: a team's life with its events, bad input refused, and team scope: joining a team shows a sales
 * user the mate's contacts, leaving it hides them again.
 */
public final class TeamChecks {

    private final CrmApi admin;
    private final ApiClients clients;
    private final BundleContext bundleContext;
    private final PermissionsApi permissions;

    /** Checks with the admin's client, clients of other sessions and the container (for events). */
    public TeamChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.bundleContext = bundleContext;
        this.permissions = new PermissionsApi(admin);
    }

    /** Create, list, describe, add and remove a member, delete: each answered as the contract says and published. */
    public void teamIsCreatedChangedAndDeletedWithEvents() {
        String actor = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        EnrolledUser member = EnrolledUser.create(admin, clients, "member", "sales");
        String name = PermissionsApi.newName("team");
        try (EventCollector created = EventCollector.listen(bundleContext, PermissionEvents.TEAM_CREATED);
             EventCollector updated = EventCollector.listen(bundleContext, PermissionEvents.TEAM_UPDATED);
             EventCollector added = EventCollector.listen(bundleContext, PermissionEvents.TEAM_MEMBER_ADDED);
             EventCollector removed = EventCollector.listen(bundleContext, PermissionEvents.TEAM_MEMBER_REMOVED);
             EventCollector deleted = EventCollector.listen(bundleContext, PermissionEvents.TEAM_DELETED)) {
            JsonNode team = permissions.createTeam(name);
            assertEquals(name, team.path("name").asText());
            assertEquals("a new team has no members: " + team, 0, team.path("members").size());
            assertTrue("GET /teams lists it", Expect.json(200, admin.get("/teams")).path("items")
                    .findValuesAsText("name").contains(name));
            EventValues.await(created, PermissionEvents.TEAM_CREATED, PermissionEvents.TEAM, name, actor);
            Expect.problem(409, admin.post("/teams", object("name", name, "description", "again")));

            JsonNode described = Expect.json(200, admin.put("/teams/" + name, object("description", "renamed desk")));
            assertEquals("renamed desk", described.path("description").asText());
            EventValues.await(updated, PermissionEvents.TEAM_UPDATED, PermissionEvents.TEAM, name, actor);

            permissions.join(name, member.id());
            JsonNode shown = Expect.json(200, admin.get("/teams/" + name));
            assertEquals("the member is shown with id and username: " + shown, member.username(),
                    shown.path("members").path(0).path("username").asText());
            assertEquals(List.of(member.id()), permissions.membersOf(name));
            EventValues.await(added, PermissionEvents.TEAM_MEMBER_ADDED, PermissionEvents.USER_ID, member.id(), actor);

            permissions.leave(name, member.id());
            assertEquals(List.of(), permissions.membersOf(name));
            EventValues.await(removed, PermissionEvents.TEAM_MEMBER_REMOVED, PermissionEvents.USER_ID, member.id(), actor);

            Expect.deleted(admin.delete("/teams/" + name));
            Expect.problem(404, admin.get("/teams/" + name));
            EventValues.await(deleted, PermissionEvents.TEAM_DELETED, PermissionEvents.TEAM, name, actor);
        }
    }

    /** Unknown users, unknown teams and overlong names are refused as problems, and nothing changes. */
    public void badTeamInputIsRefused() {
        String name = PermissionsApi.newName("strict");
        permissions.createTeam(name);
        Expect.problemWithStatusIn(admin.put("/teams/" + name + "/members/" + UUID.randomUUID(), null), 400, 404);
        Expect.problem(404, admin.put("/teams/" + PermissionsApi.newName("none") + "/members/"
                + Expect.json(200, admin.get("/auth/me")).path("id").asText(), null));
        Expect.problemWithStatusIn(admin.post("/teams", object("name", "t" + "x".repeat(300), "description", "x")),
                400, 413, 422);
        Expect.problemWithStatusIn(admin.post("/teams", object("name", "Not A Name!", "description", "x")), 400, 422);
        assertEquals("refused input adds no member", List.of(), permissions.membersOf(name));
        Expect.deleted(admin.delete("/teams/" + name));
    }

    /** A sales user sees the contact of a mate only while both share a team (404 before joining and after leaving). */
    public void joiningATeamShowsTheMatesContactsAndLeavingHidesThem() {
        EnrolledUser seller = EnrolledUser.create(admin, clients, "joiner", "sales");
        EnrolledUser mate = EnrolledUser.create(admin, clients, "mate", "sales");
        String tag = PermissionTestData.runId();
        String contact = Expect.json(201, admin.post("/contacts", withTag(mate.id(), tag))).path("id").asText();
        String team = PermissionsApi.newName("desk");
        permissions.createTeam(team);
        permissions.join(team, mate.id());
        CrmApi session = seller.api();
        Expect.problem(404, session.get("/contacts/" + contact));
        assertEquals("the list shows nothing of the mate before joining", 0, total(session, tag));

        permissions.join(team, seller.id());
        Expect.json(200, session.get("/contacts/" + contact));
        assertEquals("the list shows the mate's contact once in the team", 1, total(session, tag));
        Expect.problem(403, session.delete("/contacts/" + contact));

        permissions.leave(team, seller.id());
        Expect.problem(404, session.get("/contacts/" + contact));
        assertEquals("the list hides it again after leaving", 0, total(session, tag));
        Expect.deleted(admin.delete("/teams/" + team));
    }

    private static Map<String, Object> withTag(String owner, String tag) {
        Map<String, Object> contact = PermissionTestData.contact(owner, "Desk" + tag, "desk notes");
        contact.put("tags", List.of(tag));
        return contact;
    }

    /** The total of {@code GET /contacts?tag=}, checked against the items listed. */
    static int total(CrmApi session, String tag) {
        JsonNode page = Expect.json(200, session.get("/contacts?size=200&tag=" + tag));
        assertEquals("the total counts the visible contacts only: " + page, page.path("items").size(),
                page.path("total").asInt());
        return page.path("total").asInt();
    }
}
