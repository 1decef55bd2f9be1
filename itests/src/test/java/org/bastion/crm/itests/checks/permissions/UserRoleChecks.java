package org.bastion.crm.itests.checks.permissions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.EventCollector;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;
import org.osgi.framework.BundleContext;

/**
 * Users' roles over REST ({@code GET/PUT /users/{id}/roles}): a change applies to the user's open session at once
 * and is published; unknown roles, too many roles and no role are refused; nobody takes the admin role from
 * themselves or from the last active administrator.
 */
public final class UserRoleChecks {

    private final CrmApi admin;
    private final ApiClients clients;
    private final BundleContext bundleContext;
    private final PermissionsApi permissions;

    /** Checks with the admin's client, clients of other sessions and the container (for events). */
    public UserRoleChecks(CrmApi admin, ApiClients clients, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.bundleContext = bundleContext;
        this.permissions = new PermissionsApi(admin);
    }

    /** A sales user made auditor reads the keys and no longer the contacts, in the session already open. */
    public void roleChangeAppliesToTheOpenSessionAtOnce() {
        EnrolledUser user = EnrolledUser.create(admin, clients, "promoted", "sales");
        CrmApi session = user.api();
        Expect.problem(403, session.get("/keys"));
        Expect.json(200, session.get("/contacts?size=1"));
        try (EventCollector changed = EventCollector.listen(bundleContext, PermissionEvents.USER_ROLES_CHANGED)) {
            JsonNode answer = Expect.json(200, permissions.setRoles(user.id(), "auditor"));
            assertEquals("the answer names the user: " + answer, user.id(), answer.path("userId").asText());
            assertEquals("the answer lists the new roles: " + answer, List.of("auditor"), Json.texts(answer.path("roles")));
            Expect.json(200, session.get("/keys"));
            Expect.problem(403, session.get("/contacts?size=1"));
            assertEquals(List.of("auditor"), permissions.rolesOf(user.id()));
            Map<String, Object> event = EventValues.await(changed, PermissionEvents.USER_ROLES_CHANGED,
                    PermissionEvents.USER_ID, user.id(), adminId());
            assertEquals("the event lists the roles after the change: " + event, List.of("auditor"),
                    EventValues.strings(event, PermissionEvents.ROLES));
        }
    }

    /** Unknown roles, more than 20 roles and an empty list are refused as problems; the roles stay. */
    public void badRoleListsAreRefusedAndChangeNothing() {
        EnrolledUser user = EnrolledUser.create(admin, clients, "steady", "sales");
        Expect.problemWithStatusIn(permissions.setRoles(user.id(), "sales", "no-such-role"), 400, 404, 409, 422);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(permissions.createRole(PermissionsApi.newName("many" + i), "contacts:read:own").path("name").asText());
        }
        Expect.problemWithStatusIn(permissions.setRoles(user.id(), many.toArray(String[]::new)), 400, 413, 422);
        for (String role : many) {
            Expect.deleted(admin.delete("/roles/" + role));
        }
        Expect.problemWithStatusIn(permissions.setRoles(user.id()), 400, 422);
        Expect.problemWithStatusIn(permissions.setRoles(user.id(), "r" + "x".repeat(300)), 400, 404, 413, 422);
        assertEquals("refused changes leave the roles", List.of("sales"), permissions.rolesOf(user.id()));
        Expect.json(200, user.api().get("/contacts?size=1"));
    }

    /**
     * The admin cannot take its own admin role (409); a user manager who is not an administrator can neither take the
     * admin role from anyone nor give it to anyone, itself included (403: no one grants more than they hold). The
     * last-active-admin guard behind these is unit-tested (SetRolesTest), as reaching it needs a second admin.
     */
    public void adminRoleIsNeitherTakenByItsHolderNorHandedOutByAUserManager() {
        String adminId = adminId();
        String managerRole = PermissionsApi.newName("user-managers");
        permissions.createRole(managerRole, "users:manage");
        EnrolledUser manager = EnrolledUser.create(admin, clients, "manager", managerRole);
        PermissionsApi managed = new PermissionsApi(manager.api());
        try {
            Expect.problem(409, permissions.setRoles(adminId, "sales"));
            Expect.problem(403, managed.setRoles(adminId, "sales"));
            Expect.problem(403, managed.setRoles(manager.id(), "admin"));
        } finally {
            if (!permissions.rolesOf(adminId).contains("admin")) {
                throw new AssertionError("the suite's admin lost its admin role");
            }
        }
        assertEquals("the manager keeps its role", List.of(managerRole), permissions.rolesOf(manager.id()));
        Expect.json(200, admin.get("/users?size=1"));
        Expect.json(200, permissions.setRoles(manager.id(), "sales"));
        Expect.deleted(admin.delete("/roles/" + managerRole));
    }

    private String adminId() {
        return Expect.json(200, admin.get("/auth/me")).path("id").asText();
    }
}
