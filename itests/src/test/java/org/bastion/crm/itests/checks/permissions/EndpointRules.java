package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.checks.permissions.EndpointRule.loggedIn;
import static org.bastion.crm.itests.checks.permissions.EndpointRule.open;
import static org.bastion.crm.itests.checks.permissions.EndpointRule.permission;
import static org.bastion.crm.itests.checks.permissions.EndpointRule.record;
import static org.bastion.crm.itests.support.Json.object;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bastion.crm.itests.checks.permissions.EndpointRule.Access;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Logins;

/**
 * The hard-coded rule of every REST endpoint of the CRM (issue 5), keyed {@code "METHOD /path"} relative to
 * {@code /api/v1} with every path parameter written {@code {}}. Calls are harmless: records are fresh ones for
 * changes, and users, roles, teams and key rotations are targeted where a permitted caller gets a 4xx (a non-existing
 * id or name: 404; an unknown key purpose: 400) or creates something new and unused (201).
 */
public final class EndpointRules {

    private static final String USERS_MANAGE = "users:manage";
    private static final String ROLES_READ = "roles:read";
    private static final String ROLES_MANAGE = "roles:manage";
    private static final String TEAMS_READ = "teams:read";
    private static final String TEAMS_MANAGE = "teams:manage";
    private static final String CONTACTS = "contacts";
    private static final String COMPANIES = "companies";

    private EndpointRules() {
    }

    /** Every rule, by {@code "METHOD /path/{}"}. */
    public static Map<String, EndpointRule> table() {
        Map<String, EndpointRule> rules = new LinkedHashMap<>();
        publicAndSessionRules(rules);
        userRules(rules);
        keyRules(rules);
        roleAndTeamRules(rules);
        recordRules(rules);
        alertRules(rules);
        deliveryRules(rules);
        auditRules(rules);
        backupRules(rules);
        return rules;
    }

    /** The table key of an endpoint: method, space, path with every {@code {param}} (regex or not) as {@code {}}. */
    public static String key(String method, String path) {
        String normalised = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        if (!normalised.startsWith("/")) {
            normalised = "/" + normalised;
        }
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return method.toUpperCase(Locale.ROOT) + " " + normalised;
    }

    private static void publicAndSessionRules(Map<String, EndpointRule> rules) {
        rules.put("GET /health", open(200, "the report", (f, role, r) -> f.client(role).get("/health")));
        rules.put("GET /openapi.json", open(200, "the document", (f, role, r) -> f.client(role).get("/openapi.json")));
        rules.put("GET /docs", open(200, "the page", (f, role, r) -> f.client(role).get("/docs")));
        rules.put("GET /docs/{}", open(200, "index.html", (f, role, r) -> f.client(role).get("/docs/index.html")));
        rules.put("POST /auth/login", open(200, "the role user's own password (a challenge)", (f, role, r) ->
                f.client(role).post("/auth/login", object("username", f.user(role).username(),
                        "password", f.user(role).user().password()))));
        rules.put("POST /auth/mfa", open(200, "a fresh challenge and a recovery code", (f, role, r) -> {
            EnrolledUser user = f.user(role);
            String challenge = new Logins(f.clients()).challenge(user.username(), user.user().password());
            return f.client(role).post("/auth/mfa", object("challenge", challenge, "code", user.nextRecoveryCode()));
        }));
        rules.put("POST /auth/logout", loggedIn(204, "a second session of the role user", (f, role, r) ->
                f.clients().withToken(f.user(role).newSessionToken()).post("/auth/logout", null)));
        rules.put("GET /auth/me", loggedIn(200, "the caller", (f, role, r) -> f.client(role).get("/auth/me")));
        rules.put("GET /auth/sessions", loggedIn(200, "the caller's", (f, role, r) -> f.client(role).get("/auth/sessions")));
        rules.put("DELETE /auth/sessions/{}", loggedIn(404, "a non-existing session", (f, role, r) ->
                f.client(role).delete("/auth/sessions/" + UUID.randomUUID())));
        rules.put("POST /auth/totp/enroll", loggedIn(409, "an enrolled user (already on)", (f, role, r) ->
                f.client(role).post("/auth/totp/enroll", null)));
        rules.put("POST /auth/totp/confirm", loggedIn(400, "an empty body", (f, role, r) ->
                f.client(role).post("/auth/totp/confirm", object())));
        rules.put("DELETE /auth/totp", loggedIn(400, "an empty body", (f, role, r) ->
                f.client(role).send("DELETE", "/auth/totp", CrmApi.JSON, "{}")));
        rules.put("POST /auth/password", loggedIn(400, "an empty body", (f, role, r) ->
                f.client(role).post("/auth/password", object())));
    }

    private static void userRules(Map<String, EndpointRule> rules) {
        rules.put("POST /users", permission(USERS_MANAGE, 201, "a new user without roles", (f, role, r) -> {
            String username = CrmUsers.newUsername("m-new");
            return f.client(role).post("/users", object("username", username, "displayName", "Itest " + username,
                    "email", username + "@example.com", "password", CrmUsers.newPassword(), "roles", List.of()));
        }));
        rules.put("GET /users", permission(USERS_MANAGE, 200, "the list", (f, role, r) -> f.client(role).get("/users")));
        rules.put("GET /users/{}", permission(USERS_MANAGE, 200, "the outsider", (f, role, r) ->
                f.client(role).get("/users/" + f.outsider().id())));
        rules.put("GET /users/{}/roles", permission(USERS_MANAGE, 200, "the outsider", (f, role, r) ->
                f.client(role).get("/users/" + f.outsider().id() + "/roles")));
        rules.put("PUT /users/{}/roles", permission(USERS_MANAGE, 404, "a non-existing user", (f, role, r) ->
                f.client(role).put("/users/" + UUID.randomUUID() + "/roles", object("roles", List.of("sales")))));
        for (String action : List.of("disable", "enable", "unlock", "reset-totp")) {
            rules.put("POST /users/{}/" + action, permission(USERS_MANAGE, 404, "a non-existing user", (f, role, r) ->
                    f.client(role).post("/users/" + UUID.randomUUID() + "/" + action, null)));
        }
        rules.put("POST /users/{}/reset-password", permission(USERS_MANAGE, 404, "a non-existing user", (f, role, r) ->
                f.client(role).post("/users/" + UUID.randomUUID() + "/reset-password",
                        object("password", CrmUsers.newPassword()))));
        // signing: access restrictions (a documentation address, TEST-NET-3, refused for one minute: harmless)
        rules.put("GET /security/address-refusals", permission(USERS_MANAGE, 200, "the list", (f, role, r) ->
                f.client(role).get("/security/address-refusals")));
        rules.put("POST /security/address-refusals", permission(USERS_MANAGE, 201, "a documentation address for a minute",
                (f, role, r) -> f.client(role).post("/security/address-refusals",
                        object("address", "203.0.113.77", "minutes", 1, "reason", "permissions matrix"))));
        rules.put("DELETE /security/address-refusals/{}", permission(USERS_MANAGE, 404, "an address not refused",
                (f, role, r) -> f.client(role).delete("/security/address-refusals/203.0.113.78")));
    }

    private static void keyRules(Map<String, EndpointRule> rules) {
        rules.put("GET /keys", permission("keys:read", 200, "the overview", (f, role, r) -> f.client(role).get("/keys")));
        rules.put("GET /keys/rotations/{}", permission("keys:read", 404, "a non-existing rotation", (f, role, r) ->
                f.client(role).get("/keys/rotations/" + UUID.randomUUID())));
        rules.put("POST /keys/{}/rotations", permission("keys:manage", 400, "an unknown purpose (never a real key)",
                (f, role, r) -> f.client(role).post("/keys/no-such-purpose/rotations", null)));
    }

    private static void roleAndTeamRules(Map<String, EndpointRule> rules) {
        rules.put("GET /permissions", permission(ROLES_READ, 200, "the catalogue", (f, role, r) ->
                f.client(role).get("/permissions")));
        rules.put("GET /roles", permission(ROLES_READ, 200, "the list", (f, role, r) -> f.client(role).get("/roles")));
        rules.put("GET /roles/{}", permission(ROLES_READ, 200, "the built-in role sales", (f, role, r) ->
                f.client(role).get("/roles/sales")));
        rules.put("POST /roles", permission(ROLES_MANAGE, 201, "a new custom role nobody holds", (f, role, r) ->
                f.client(role).post("/roles", object("name", PermissionsApi.newName("m-role"),
                        "description", "matrix", "permissions", List.of("contacts:read:own")))));
        rules.put("PUT /roles/{}", permission(ROLES_MANAGE, 404, "a non-existing role", (f, role, r) ->
                f.client(role).put("/roles/" + PermissionsApi.newName("m-none"),
                        object("description", "matrix", "permissions", List.of("contacts:read:own")))));
        rules.put("DELETE /roles/{}", permission(ROLES_MANAGE, 404, "a non-existing role", (f, role, r) ->
                f.client(role).delete("/roles/" + PermissionsApi.newName("m-none"))));
        rules.put("GET /teams", permission(TEAMS_READ, 200, "the list", (f, role, r) -> f.client(role).get("/teams")));
        rules.put("GET /teams/{}", permission(TEAMS_READ, 200, "the matrix team", (f, role, r) ->
                f.client(role).get("/teams/" + f.team())));
        rules.put("POST /teams", permission(TEAMS_MANAGE, 201, "a new empty team", (f, role, r) ->
                f.client(role).post("/teams", object("name", PermissionsApi.newName("m-team"), "description", "matrix"))));
        rules.put("PUT /teams/{}", permission(TEAMS_MANAGE, 404, "a non-existing team", (f, role, r) ->
                f.client(role).put("/teams/" + PermissionsApi.newName("m-none"), object("description", "matrix"))));
        rules.put("DELETE /teams/{}", permission(TEAMS_MANAGE, 404, "a non-existing team", (f, role, r) ->
                f.client(role).delete("/teams/" + PermissionsApi.newName("m-none"))));
        rules.put("PUT /teams/{}/members/{}", permission(TEAMS_MANAGE, 404, "a non-existing team, the outsider",
                (f, role, r) -> f.client(role).put("/teams/" + PermissionsApi.newName("m-none") + "/members/"
                        + f.outsider().id(), null)));
        rules.put("DELETE /teams/{}/members/{}", permission(TEAMS_MANAGE, 404, "a non-existing team, the outsider",
                (f, role, r) -> f.client(role).delete("/teams/" + PermissionsApi.newName("m-none") + "/members/"
                        + f.outsider().id())));
    }

    private static void recordRules(Map<String, EndpointRule> rules) {
        rules.put("GET /contacts", record(Access.RECORD_LIST, CONTACTS, "read", 200, "the (filtered) list",
                (f, role, r) -> f.client(role).get("/contacts?size=5")));
        rules.put("POST /contacts", record(Access.RECORD_CREATE, CONTACTS, "write", 201, "a new contact of the owner",
                (f, role, r) -> f.client(role).post("/contacts",
                        PermissionTestData.contact(f.ownerId(role, r), "MatrixNew", null))));
        rules.put("GET /contacts/{}", record(Access.RECORD, CONTACTS, "read", 200, "the owner's contact",
                (f, role, r) -> f.client(role).get("/contacts/" + f.contact(role, r))));
        rules.put("PUT /contacts/{}", record(Access.RECORD, CONTACTS, "write", 200, "a fresh contact, current ETag",
                (f, role, r) -> {
                    String path = "/contacts/" + f.freshContact(role, r);
                    return f.client(role).put(path, PermissionTestData.contact(f.ownerId(role, r), "MatrixPut", null),
                            "If-Match", f.etag(path));
                }));
        rules.put("PATCH /contacts/{}", record(Access.RECORD, CONTACTS, "write", 200, "a fresh contact, current ETag",
                (f, role, r) -> patch(f, role, "/contacts/" + f.freshContact(role, r))));
        rules.put("DELETE /contacts/{}", record(Access.RECORD, CONTACTS, "delete", 204, "a fresh contact",
                (f, role, r) -> f.client(role).delete("/contacts/" + f.freshContact(role, r))));
        rules.put("GET /companies", record(Access.RECORD_LIST, COMPANIES, "read", 200, "the (filtered) list",
                (f, role, r) -> f.client(role).get("/companies?size=5")));
        rules.put("POST /companies", record(Access.RECORD_CREATE, COMPANIES, "write", 201, "a new company of the owner",
                (f, role, r) -> f.client(role).post("/companies", PermissionTestData.company(f.ownerId(role, r)))));
        rules.put("GET /companies/{}", record(Access.RECORD, COMPANIES, "read", 200, "the owner's company",
                (f, role, r) -> f.client(role).get("/companies/" + f.company(role, r))));
        rules.put("GET /companies/{}/contacts", record(Access.RECORD, COMPANIES, "read", 200, "the owner's company",
                (f, role, r) -> f.client(role).get("/companies/" + f.company(role, r) + "/contacts")));
        rules.put("PUT /companies/{}", record(Access.RECORD, COMPANIES, "write", 200, "a fresh company, current ETag",
                (f, role, r) -> {
                    String path = "/companies/" + f.freshCompany(role, r);
                    return f.client(role).put(path, PermissionTestData.company(f.ownerId(role, r)),
                            "If-Match", f.etag(path));
                }));
        rules.put("PATCH /companies/{}", record(Access.RECORD, COMPANIES, "write", 200, "a fresh company, current ETag",
                (f, role, r) -> patch(f, role, "/companies/" + f.freshCompany(role, r))));
        rules.put("DELETE /companies/{}", record(Access.RECORD, COMPANIES, "delete", 204, "a fresh company",
                (f, role, r) -> f.client(role).delete("/companies/" + f.freshCompany(role, r))));
    }

    /** crm-monitor's alerts: reading needs alerts:read, changing alerts:manage (a non-existing alert: 404). */
    private static void alertRules(Map<String, EndpointRule> rules) {
        rules.put("GET /alerts", permission("alerts:read", 200, "the list", (f, role, r) ->
                f.client(role).get("/alerts?size=5")));
        rules.put("GET /alerts/{}", permission("alerts:read", 404, "a non-existing alert", (f, role, r) ->
                f.client(role).get("/alerts/" + UUID.randomUUID())));
        for (String action : List.of("acknowledge", "resolve", "responses/undo")) {
            rules.put("POST /alerts/{}/" + action, permission("alerts:manage", 404, "a non-existing alert",
                    (f, role, r) -> f.client(role).post("/alerts/" + UUID.randomUUID() + "/" + action, null)));
        }
    }

    /** crm-monitor's delivery: the alert stream needs alerts:read, the metrics metrics:read (or a scrape token). */
    private static void deliveryRules(Map<String, EndpointRule> rules) {
        rules.put("GET /alerts/stream", permission("alerts:read", 200, "the stream (closed once it opened)",
                (f, role, r) -> f.client(role).openStream("/alerts/stream")));
        rules.put("GET /metrics", permission("metrics:read", 200, "the Prometheus text", (f, role, r) ->
                f.client(role).get("/metrics")));
    }

    /**
     * crm-audit: the trail, its verification and export need audit:read (an export of the first entry); a record's
     * history needs read access to the record; the caller's own activity any session.
     */
    private static void auditRules(Map<String, EndpointRule> rules) {
        rules.put("GET /audit", permission("audit:read", 200, "the newest entries", (f, role, r) ->
                f.client(role).get("/audit?size=5")));
        rules.put("GET /audit/verify", permission("audit:read", 200, "the whole chain", (f, role, r) ->
                f.client(role).get("/audit/verify")));
        rules.put("GET /audit/export", permission("audit:read", 200, "the first entry", (f, role, r) ->
                f.client(role).get("/audit/export?from=1&to=1")));
        rules.put("GET /contacts/{}/history", record(Access.RECORD, CONTACTS, "read", 200, "the owner's contact",
                (f, role, r) -> f.client(role).get("/contacts/" + f.contact(role, r) + "/history")));
        rules.put("GET /companies/{}/history", record(Access.RECORD, COMPANIES, "read", 200, "the owner's company",
                (f, role, r) -> f.client(role).get("/companies/" + f.company(role, r) + "/history")));
        rules.put("GET /auth/me/activity", loggedIn(200, "the caller's", (f, role, r) ->
                f.client(role).get("/auth/me/activity")));
    }

    /**
     * crm-backup: the catalogue needs backups:read, taking, verifying and deleting backups:manage, restoring
     * backups:restore (admin only by default). Only the admin takes a (real, small) backup; every other call targets a
     * non-existing backup (404), a restore with the confirmation its id needs, so no call ever restores.
     */
    private static void backupRules(Map<String, EndpointRule> rules) {
        rules.put("GET /backups", permission("backups:read", 200, "the catalogue", (f, role, r) ->
                f.client(role).get("/backups")));
        rules.put("POST /backups", permission("backups:manage", 201, "a new backup", (f, role, r) ->
                f.client(role).post("/backups", null)));
        rules.put("GET /backups/{}", permission("backups:read", 404, "a non-existing backup", (f, role, r) ->
                f.client(role).get("/backups/" + UUID.randomUUID())));
        rules.put("DELETE /backups/{}", permission("backups:manage", 404, "a non-existing backup", (f, role, r) ->
                f.client(role).delete("/backups/" + UUID.randomUUID())));
        rules.put("POST /backups/{}/verify", permission("backups:manage", 404, "a non-existing backup",
                (f, role, r) -> f.client(role).post("/backups/" + UUID.randomUUID() + "/verify", null)));
        rules.put("POST /backups/{}/restore", permission("backups:restore", 404, "a non-existing backup, confirmed",
                (f, role, r) -> {
                    String id = UUID.randomUUID().toString();
                    return f.client(role).post("/backups/" + id + "/restore", object("confirm", id));
                }));
    }

    private static ApiResponse patch(MatrixFixture fixture, String role, String path) {
        return fixture.client(role).patch(path, object("tags", List.of("patched")), "If-Match", fixture.etag(path));
    }
}
