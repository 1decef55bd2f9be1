package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.support.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;

/**
 * The permission side of the REST API through one client: the catalogue, roles, teams and users' roles, with the
 * record requests the permission checks need (contacts and companies with an explicit owner).
 */
public final class PermissionsApi {

    private final CrmApi api;

    /** Requests through {@code api}. */
    public PermissionsApi(CrmApi api) {
        this.api = api;
    }

    /** A name no role or team has: {@code prefix-<8 random hex digits>}. */
    public static String newName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The permissions {@code GET /permissions} lists. */
    public List<String> catalogue() {
        return Expect.json(200, api.get("/permissions")).path("items").findValuesAsText("permission");
    }

    /** {@code POST /roles}: 201 expected; returns the role. */
    public JsonNode createRole(String name, String... permissions) {
        return Expect.json(201, api.post("/roles", object("name", name, "description", "itest role " + name,
                "permissions", List.of(permissions))));
    }

    /** {@code PUT /roles/{name}} replacing the permissions, whatever the answer. */
    public ApiResponse replaceRole(String name, String... permissions) {
        return api.put("/roles/" + name, object("description", "itest role " + name, "permissions", List.of(permissions)));
    }

    /** {@code GET /roles/{name}}: 200 expected. */
    public JsonNode role(String name) {
        return Expect.json(200, api.get("/roles/" + name));
    }

    /** The permissions of a role as {@code GET /roles/{name}} shows them. */
    public List<String> permissionsOf(String role) {
        return Json.texts(role(role).path("permissions")).stream().sorted().toList();
    }

    /** {@code PUT /users/{id}/roles}, whatever the answer. */
    public ApiResponse setRoles(String userId, String... roles) {
        return api.put("/users/" + userId + "/roles", object("roles", List.of(roles)));
    }

    /** The roles {@code GET /users/{id}/roles} lists. */
    public List<String> rolesOf(String userId) {
        return Json.texts(Expect.json(200, api.get("/users/" + userId + "/roles")).path("roles"));
    }

    /** {@code POST /teams}: 201 expected. */
    public JsonNode createTeam(String name) {
        return Expect.json(201, api.post("/teams", object("name", name, "description", "itest team " + name)));
    }

    /** {@code PUT /teams/{name}/members/{userId}}: 200 expected. */
    public void join(String team, String userId) {
        Expect.status(200, api.put("/teams/" + team + "/members/" + userId, null));
    }

    /** {@code DELETE /teams/{name}/members/{userId}}: 200 or 204 expected. */
    public void leave(String team, String userId) {
        Expect.deleted(api.delete("/teams/" + team + "/members/" + userId));
    }

    /** The member ids of a team as {@code GET /teams/{name}} shows them. */
    public List<String> membersOf(String team) {
        return Expect.json(200, api.get("/teams/" + team)).path("members").findValuesAsText("id");
    }

    /** Creates a contact owned by {@code owner} (with notes and a birthday); returns its id. */
    public String createContact(String owner, String lastName, String notes) {
        return Expect.json(201, api.post("/contacts", PermissionTestData.contact(owner, lastName, notes)))
                .path("id").asText();
    }

    /** Creates a company owned by {@code owner}; returns its id. */
    public String createCompany(String owner) {
        return Expect.json(201, api.post("/companies", PermissionTestData.company(owner))).path("id").asText();
    }
}
