package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.EventCollector;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;
import org.osgi.framework.BundleContext;

/**
 * Roles over REST: the permission catalogue, the built-in roles as issue 5 defines them, a custom role's life with
 * its events, bad input refused with nothing changed, and a role change reaching a logged-in user within a second.
 */
public final class RoleChecks {

    /** How soon a role change must reach open sessions. */
    static final Duration LIVE = Duration.ofSeconds(1);

    private static final List<String> CATALOGUE = List.of("contacts:read", "contacts:write", "contacts:delete",
            "contacts:read-sensitive", "contacts:write-sensitive", "contacts:export", "companies:read",
            "companies:write", "companies:delete", "users:manage", "keys:read", "keys:manage", "roles:read",
            "roles:manage", "teams:read", "teams:manage");

    private final CrmApi admin;
    private final ApiClients clients;
    private final BundleContext bundleContext;
    private final PermissionsApi permissions;

    /** Checks with the admin's client, clients of other sessions and the container (for events). */
    public RoleChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.bundleContext = bundleContext;
        this.permissions = new PermissionsApi(admin);
    }

    /** GET /permissions lists the CRM's permissions, described and flagged scoped or not; GET /roles the built-ins. */
    public void catalogueAndBuiltInRolesAreListed() {
        JsonNode items = Expect.json(200, admin.get("/permissions")).path("items");
        List<String> listed = items.findValuesAsText("permission");
        assertTrue("the catalogue lists " + CATALOGUE + ": " + listed, listed.containsAll(CATALOGUE));
        for (JsonNode item : items) {
            assertFalse("each permission is described: " + item, item.path("description").asText().isBlank());
            assertTrue("each permission says whether it is scoped: " + item, item.path("scoped").isBoolean());
            boolean recordAction = item.path("permission").asText().matches("(contacts|companies):(read|write|delete|read-sensitive|write-sensitive)");
            if (recordAction) {
                assertTrue("record actions are scoped: " + item, item.path("scoped").asBoolean());
            }
        }
        assertFalse("users:manage is not scoped", items.get(listed.indexOf("users:manage")).path("scoped").asBoolean());

        JsonNode roles = Expect.json(200, admin.get("/roles")).path("items");
        for (Map.Entry<String, Set<String>> builtIn : BuiltInRoles.PERMISSIONS.entrySet()) {
            JsonNode role = find(roles, builtIn.getKey());
            assertTrue("GET /roles lists the built-in role " + builtIn.getKey() + ": " + roles, role != null);
            assertTrue("built-in: " + role, role.path("builtIn").asBoolean());
            assertEquals("the permissions of " + builtIn.getKey(), builtIn.getValue(),
                    new HashSet<>(Json.texts(role.path("permissions"))));
        }
        assertFalse("audit:read is defined by crm-audit, alerts:read by crm-monitor: " + find(roles, "auditor"),
                Json.texts(find(roles, "auditor").path("undefined")).contains("audit:read")
                        || Json.texts(find(roles, "auditor").path("undefined")).contains("alerts:read"));
        assertEquals("GET /roles/sales shows the same role", new HashSet<>(permissions.permissionsOf("sales")),
                BuiltInRoles.PERMISSIONS.get("sales"));
    }

    /** A custom role is created, read, replaced and deleted, each change published as an event naming the actor. */
    public void customRoleIsCreatedChangedAndDeletedWithEvents() {
        String actor = adminId();
        String name = PermissionsApi.newName("custom");
        try (EventCollector created = EventCollector.listen(bundleContext, PermissionEvents.ROLE_CREATED);
             EventCollector updated = EventCollector.listen(bundleContext, PermissionEvents.ROLE_UPDATED);
             EventCollector deleted = EventCollector.listen(bundleContext, PermissionEvents.ROLE_DELETED)) {
            JsonNode role = permissions.createRole(name, "contacts:read:own");
            assertEquals(name, role.path("name").asText());
            assertFalse("a custom role is not built in: " + role, role.path("builtIn").asBoolean());
            assertEquals(List.of("contacts:read:own"), Json.texts(role.path("permissions")));
            assertEquals("nothing undefined: " + role, List.of(), Json.texts(role.path("undefined")));
            assertTrue("GET /roles lists it", find(Expect.json(200, admin.get("/roles")).path("items"), name) != null);
            EventValues.await(created, PermissionEvents.ROLE_CREATED, PermissionEvents.ROLE, name, actor);

            JsonNode replaced = Expect.json(200, permissions.replaceRole(name, "contacts:read:team", "companies:read"));
            assertEquals(List.of("companies:read", "contacts:read:team"), Json.texts(replaced.path("permissions")));
            assertEquals(List.of("companies:read", "contacts:read:team"), permissions.permissionsOf(name));
            Map<String, Object> update = EventValues.await(updated, PermissionEvents.ROLE_UPDATED, PermissionEvents.ROLE,
                    name, actor);
            assertTrue("the update names what was granted: " + update,
                    EventValues.strings(update, PermissionEvents.GRANTED).contains("companies:read"));
            assertTrue("the update names what was revoked: " + update,
                    EventValues.strings(update, PermissionEvents.REVOKED).contains("contacts:read:own"));

            Expect.deleted(admin.delete("/roles/" + name));
            Expect.problem(404, admin.get("/roles/" + name));
            EventValues.await(deleted, PermissionEvents.ROLE_DELETED, PermissionEvents.ROLE, name, actor);
        }
    }

    /**
     * Unknown permissions (400), built-in roles (409), a held role's deletion (409), too many permissions and too
     * long names (4xx) are refused as problems, and nothing changes.
     */
    public void badRoleInputIsRefusedAndChangesNothing() {
        String unknown = PermissionsApi.newName("unknown");
        Expect.problem(400, admin.post("/roles", object("name", unknown, "description", "x",
                "permissions", List.of("contacts:read:own", "nosuch:thing"))));
        Expect.problem(404, admin.get("/roles/" + unknown));

        String name = PermissionsApi.newName("kept");
        permissions.createRole(name, "contacts:read:own");
        Expect.problem(400, permissions.replaceRole(name, "contacts:read:all", "nosuch:thing"));
        assertEquals("an unknown permission changes nothing", List.of("contacts:read:own"), permissions.permissionsOf(name));

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("vendor" + i + ":use");
        }
        Expect.problemWithStatusIn(permissions.replaceRole(name, many.toArray(String[]::new)), 400, 413, 422);
        assertEquals("101 permissions change nothing", List.of("contacts:read:own"), permissions.permissionsOf(name));
        String longName = "r" + "x".repeat(300);
        Expect.problemWithStatusIn(admin.post("/roles", object("name", longName, "description", "x",
                "permissions", List.of("contacts:read:own"))), 400, 413, 422);
        Expect.problemWithStatusIn(admin.get("/roles/" + longName), 400, 404);

        Expect.problem(409, permissions.replaceRole("sales", "contacts:read:all"));
        Expect.problem(409, admin.delete("/roles/sales"));
        assertEquals("built-in roles do not change", BuiltInRoles.PERMISSIONS.get("sales"),
                new HashSet<>(permissions.permissionsOf("sales")));

        EnrolledUser holder = EnrolledUser.create(admin, clients, "holder", name);
        Expect.problem(409, admin.delete("/roles/" + name));
        assertEquals("a held role stays", List.of("contacts:read:own"), permissions.permissionsOf(name));
        assertEquals(List.of(name), permissions.rolesOf(holder.id()));
        Expect.json(200, permissions.setRoles(holder.id(), "sales"));
        Expect.deleted(admin.delete("/roles/" + name));
    }

    /**
     * Granting {@code contacts:read:all} to a logged-in user's custom role shows a foreign contact within a second;
     * taking it back hides it (404), and taking every contacts permission refuses it (403).
     */
    public void roleChangeReachesALoggedInUserWithinASecond() {
        String role = PermissionsApi.newName("live");
        permissions.createRole(role, "contacts:read:own");
        EnrolledUser user = EnrolledUser.create(admin, clients, "live", role);
        String foreign = permissions.createContact(adminId(), "Live" + PermissionTestData.runId(), null);
        CrmApi session = user.api();
        Expect.problem(404, session.get("/contacts/" + foreign));

        Expect.json(200, permissions.replaceRole(role, "contacts:read:own", "contacts:read:all"));
        awaitStatus(session, "/contacts/" + foreign, 200, "the grant");
        Expect.json(200, permissions.replaceRole(role, "contacts:read:own"));
        awaitStatus(session, "/contacts/" + foreign, 404, "the revocation");
        Expect.json(200, permissions.replaceRole(role, "companies:read"));
        awaitStatus(session, "/contacts/" + foreign, 403, "taking every contacts permission");
        assertTrue("the session itself goes on", Expect.json(200, session.get("/auth/me")).has("id"));
    }

    private static void awaitStatus(CrmApi session, String path, int status, String change) {
        Await.until("GET " + path + " to answer " + status + " within " + LIVE.toMillis() + " ms of " + change, LIVE,
                () -> session.get(path), (ApiResponse r) -> r.status() == status);
    }

    /** The suite admin's user id. */
    private String adminId() {
        return Expect.json(200, admin.get("/auth/me")).path("id").asText();
    }

    private static JsonNode find(JsonNode roles, String name) {
        for (JsonNode role : roles) {
            if (name.equals(role.path("name").asText())) {
                return role;
            }
        }
        return null;
    }
}
