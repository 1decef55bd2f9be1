package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.checks.permissions.PermissionTestData;
import org.bastion.crm.itests.checks.permissions.PermissionsApi;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafLog;

/**
 * Refused requests keep the log quiet: a batch of requests refused in every way (404 out of scope, 409, 412, 428,
 * 403, 400) on contacts, companies, users, roles, teams and keys, through JPA/JTA and JDBC/JTA transactions, adds at
 * most one line to {@code karaf.log} per request, and no stack trace.
 */
public final class QuietLogChecks {

    private static final Pattern STACK_LINE = Pattern.compile("^\\s+at [\\w.$/]+\\(.*\\)$|^Caused by: |^\\s+\\.\\.\\. \\d+ more");

    private final CrmApi admin;
    private final ApiClients clients;

    /** Checks with the admin's client and clients of other sessions. */
    public QuietLogChecks(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.clients = clients;
    }

    /** The batch, counted between two flushes of the log. */
    public void refusedRequestsWriteAtMostOneLineEachAndNoStackTrace() {
        EnrolledUser seller = EnrolledUser.create(admin, clients, "quiet", "sales");
        PermissionsApi permissions = new PermissionsApi(admin);
        String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        String othersContact = permissions.createContact(adminId, "Quiet" + PermissionTestData.runId(), "n");
        String company = permissions.createCompany(adminId);
        Map<String, Object> member = PermissionTestData.contact(adminId, "Member" + PermissionTestData.runId(), null);
        member.put("companyId", company);
        Expect.status(201, admin.post("/contacts", member));
        String ownContact = "/contacts/" + permissions.createContact(adminId, "Versioned" + PermissionTestData.runId(), "v");
        String team = PermissionsApi.newName("quiet");
        permissions.createTeam(team);
        CrmApi sales = seller.api();
        String nobody = UUID.randomUUID().toString();

        List<Supplier<ApiResponse>> refused = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refused.add(() -> expect(404, sales.delete("/contacts/" + othersContact)));
            refused.add(() -> expect(409, admin.delete("/companies/" + company)));
        }
        refused.add(() -> expect(412, admin.delete(ownContact, "If-Match", "\"999\"")));
        refused.add(() -> expect(428, admin.patch(ownContact, Map.of("title", "NoIfMatch"))));
        refused.add(() -> expectIn(sales.delete("/companies/" + nobody), 403, 404));
        refused.add(() -> expect(403, sales.post("/roles", Map.of("name", PermissionsApi.newName("r"),
                "permissions", List.of("contacts:read:own")))));
        refused.add(() -> expect(403, sales.delete("/teams/" + team)));
        refused.add(() -> expect(403, sales.post("/users/" + adminId + "/disable", null)));
        refused.add(() -> expect(403, sales.post("/keys/field/rotations", null)));
        refused.add(() -> expect(400, admin.post("/contacts", Map.of("lastName", ""))));
        refused.add(() -> expect(400, admin.post("/companies", Map.of("name", ""))));
        refused.add(() -> expect(400, admin.post("/roles", Map.of("name", "Not A Name!", "permissions", List.of()))));
        refused.add(() -> expect(400, admin.post("/teams", Map.of("name", ""))));
        refused.add(() -> expect(400, admin.post("/users", Map.of("username", ""))));
        refused.add(() -> expect(409, admin.post("/teams", Map.of("name", team))));
        refused.add(() -> expect(400, admin.post("/keys/no-such-key/rotations", null)));
        refused.add(() -> expect(400, admin.post("/keys/backup/rotations", "{\"bogus\": true}")));
        refused.add(() -> expect(400, admin.send("DELETE", "/contacts/" + nobody, CrmApi.JSON, "{}")));
        refused.add(() -> expect(404, admin.delete("/roles/" + PermissionsApi.newName("missing"))));
        refused.add(() -> expect(404, admin.delete("/teams/" + PermissionsApi.newName("missing"))));
        refused.add(() -> expect(404, admin.get("/users/" + nobody)));

        Path log = KarafLog.logFolder().resolve("karaf.log");
        KarafLog.flush();
        int before = lines(log).size();
        for (Supplier<ApiResponse> request : refused) {
            request.get();
        }
        KarafLog.flush();
        List<String> all = lines(log);
        List<String> added = all.subList(Math.min(before, all.size()), all.size());
        // the flush itself writes one line (its sentinel)
        int written = added.size() - 1;
        System.out.println("QuietLogChecks: " + refused.size() + " refused requests added " + written
                + " line(s) to karaf.log");
        assertTrue(refused.size() + " refused requests wrote " + written + " lines:\n" + String.join("\n", added),
                written <= refused.size());
        for (String line : added) {
            assertTrue("no stack trace for refused requests, found: " + line, !STACK_LINE.matcher(line).find());
        }
        Expect.deleted(admin.delete("/teams/" + team));
    }

    private static ApiResponse expect(int status, ApiResponse response) {
        Expect.problem(status, response);
        return response;
    }

    private static ApiResponse expectIn(ApiResponse response, int... statuses) {
        Expect.problemWithStatusIn(response, statuses);
        return response;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
