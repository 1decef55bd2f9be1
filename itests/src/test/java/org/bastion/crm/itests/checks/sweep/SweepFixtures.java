package org.bastion.crm.itests.checks.sweep;

import static org.bastion.crm.itests.support.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.checks.permissions.PermissionTestData;
import org.bastion.crm.itests.checks.permissions.PermissionsApi;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;

/**
 * What the sweep works with, so that it cannot harm the suite: its own administrator (created by the suite's admin,
 * TOTP-enrolled, logged in with recovery codes), whose session the sweep uses instead of the suite admin's, with spare
 * sessions for when an operation ends the current one (a logout) or locks the account (wrong current passwords); and
 * fresh throwaway records for every operation that names one in its path, chosen by the collection the parameter
 * follows (contacts, companies, users, roles, teams, sessions). A parameter of any other collection gets a
 * well-formed value that names nothing (a random UUID for ids, a random name otherwise), so a key purpose never names
 * a real key. Records created by accident are removed at once; {@link #close()} deletes the fixtures and disables
 * the sweep's administrator and users.
 */
final class SweepFixtures implements AutoCloseable {

    private static final int SPARE_SESSIONS = 2;

    private final CrmApi suiteAdmin;
    private final ApiClients clients;
    private final EnrolledUser sweepAdmin;
    private final Deque<String> spareTokens = new ArrayDeque<>();
    private final List<String> createdPaths = new ArrayList<>();
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> endedSessions = new ArrayList<>();
    private String token;

    SweepFixtures(CrmApi suiteAdmin, ApiClients clients) {
        this.suiteAdmin = suiteAdmin;
        this.clients = clients;
        this.sweepAdmin = EnrolledUser.create(suiteAdmin, clients, "sweep-admin", "admin");
        this.token = sweepAdmin.token();
        for (int i = 0; i < SPARE_SESSIONS; i++) {
            spareTokens.push(sweepAdmin.newSessionToken());
        }
    }

    /** The token of the sweep's current session. */
    String token() {
        return token;
    }

    /** A client of the sweep's current session (over the ordinary client, from the ordinary address). */
    CrmApi api() {
        return clients.withToken(token);
    }

    /** The values of the path parameters of {@code operation}, each a fresh fixture where one is known. */
    Map<String, String> pathValues(SweepOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = operation.pathTemplate().split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String name = segments[i].substring(1, segments[i].length() - 1).split(":")[0].trim();
                values.put(name, fixture(i > 0 ? segments[i - 1] : "", name));
            }
        }
        return values;
    }

    private String fixture(String collection, String parameter) {
        if (parameter.equals("userId") || collection.equals("users")) {
            return user();
        }
        return switch (collection) {
            case "contacts" -> created("/contacts", PermissionTestData.contact(sweepAdmin.id(), "Sweep", null), "id");
            case "companies" -> created("/companies", PermissionTestData.company(sweepAdmin.id()), "id");
            case "roles" -> created("/roles", object("name", PermissionsApi.newName("sweep-role"), "description",
                    "sweep fixture", "permissions", List.of("contacts:read:own")), "name");
            case "teams" -> created("/teams", object("name", PermissionsApi.newName("sweep-team"), "description",
                    "sweep fixture"), "name");
            case "sessions" -> sessionIdOf(sweepAdmin.newSessionToken());
            default -> parameter.toLowerCase().endsWith("id") ? UUID.randomUUID().toString()
                    : PermissionsApi.newName("sweep-none");
        };
    }

    private String created(String collection, Map<String, Object> body, String key) {
        JsonNode record = Expect.json(201, api().post(collection, body));
        String value = record.path(key).asText();
        createdPaths.add(collection + "/" + value);
        return value;
    }

    private String user() {
        String id = new CrmUsers(suiteAdmin).create("sweep-user").id();
        createdUsers.add(id);
        return id;
    }

    private String sessionIdOf(String sessionToken) {
        JsonNode sessions = Expect.json(200, clients.withToken(sessionToken).get("/auth/sessions"));
        for (JsonNode session : sessions) {
            if (session.path("current").asBoolean()) {
                return session.path("id").asText();
            }
        }
        throw new AssertionError("GET /auth/sessions marks no session as current: " + sessions);
    }

    /** Valid values of body properties by name, for samples close to a valid body. */
    Map<String, JsonNode> knownValues() {
        return KnownValues.of(sweepAdmin.id());
    }

    /** The ETag {@code GET path} answers now, or null. */
    String etag(String path) {
        ApiResponse current = api().get(path);
        return current.status() == 200 ? current.etag() : null;
    }

    /**
     * Removes at once a record the sweep created by accident (a 201 with a Location), so that later cases do not meet
     * it (a taken name or domain would answer 409 before the part they break is looked at).
     */
    void createdByAccident(String location) {
        int api = location.indexOf("/api/v1/");
        if (api >= 0) {
            remove(location.substring(api + "/api/v1".length()));
        }
    }

    private void remove(String path) {
        if (suiteAdmin.delete(path).status() == 405) {
            // records without DELETE (users) are switched off instead, where the API allows
            suiteAdmin.post(path + "/disable", object());
        }
    }

    /**
     * Whether {@code operation} ended the sweep's session; if so, the sweep goes on with a spare one (and fails when
     * none is left).
     */
    boolean renewIfEnded(SweepOperation operation) {
        if (clients.withToken(token).get("/auth/me").status() != 401) {
            return false;
        }
        endedSessions.add(operation.name());
        if (spareTokens.isEmpty()) {
            throw new AssertionError("the sweep's sessions were all ended (by " + endedSessions + ")");
        }
        token = spareTokens.pop();
        return true;
    }

    /** The operations that ended the sweep's session, in order. */
    List<String> endedSessions() {
        return List.copyOf(endedSessions);
    }

    @Override
    public void close() {
        createdPaths.forEach(this::remove);
        for (String id : createdUsers) {
            suiteAdmin.post("/users/" + id + "/disable", object());
        }
        suiteAdmin.post("/users/" + sweepAdmin.id() + "/disable", object());
    }
}
