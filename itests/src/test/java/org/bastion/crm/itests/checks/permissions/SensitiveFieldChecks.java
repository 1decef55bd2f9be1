package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * The SENSITIVE contact fields ({@code notes}, {@code birthday}) and filtered lists: null for callers whose
 * read-sensitive scope misses the owner, kept when such a caller writes back what it read, refused (403) when it
 * writes another value; list totals count only what the caller may see.
 */
public final class SensitiveFieldChecks {

    private static final List<String> DRAFT_FIELDS = List.of("firstName", "lastName", "title", "companyId", "emails",
            "phones", "addresses", "tags", "owner", "notes", "birthday");

    private final CrmApi admin;
    private final ApiClients clients;
    private final PermissionsApi permissions;

    /** Checks with the admin's client and clients of other sessions. */
    public SensitiveFieldChecks(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.clients = clients;
        this.permissions = new PermissionsApi(admin);
    }

    /** A sales user sees the notes of its own contacts, not of a mate's; the team's sales manager sees both. */
    public void salesSeeSensitiveFieldsOfTheirOwnContactsOnly() {
        EnrolledUser seller = EnrolledUser.create(admin, clients, "redacted", "sales");
        EnrolledUser mate = EnrolledUser.create(admin, clients, "noted", "sales");
        EnrolledUser manager = EnrolledUser.create(admin, clients, "manager", "sales-manager");
        String team = PermissionsApi.newName("sensitive");
        permissions.createTeam(team);
        for (EnrolledUser member : List.of(seller, mate, manager)) {
            permissions.join(team, member.id());
        }
        String matesContact = permissions.createContact(mate.id(), "Noted" + PermissionTestData.runId(), "mate secret");
        String ownContact = permissions.createContact(seller.id(), "Own" + PermissionTestData.runId(), "own secret");

        JsonNode seen = Expect.json(200, seller.api().get("/contacts/" + matesContact));
        assertRedacted(seen);
        assertEquals("the other fields are shown", "Perm", seen.path("firstName").asText());
        assertEquals("own secret", Expect.json(200, seller.api().get("/contacts/" + ownContact)).path("notes").asText());
        JsonNode managed = Expect.json(200, manager.api().get("/contacts/" + matesContact));
        assertEquals("the manager's team scope covers the notes", "mate secret", managed.path("notes").asText());
        assertEquals("1975-03-14", managed.path("birthday").asText());
        Expect.deleted(admin.delete("/teams/" + team));
    }

    /**
     * A caller who may write contacts but not their SENSITIVE fields: PUT of the redacted body keeps the stored notes
     * and birthday; another notes or birthday value is a 403 (PUT and PATCH) and changes nothing.
     */
    public void writingBackARedactedContactKeepsItsSensitiveFields() {
        String role = PermissionsApi.newName("writer");
        permissions.createRole(role, "contacts:read:all", "contacts:write:all");
        EnrolledUser writer = EnrolledUser.create(admin, clients, "writer", role);
        String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        String path = "/contacts/" + permissions.createContact(adminId, "Kept" + PermissionTestData.runId(), "kept secret");
        CrmApi session = writer.api();

        ApiResponse read = Expect.status(200, session.get(path));
        assertRedacted(read.json());
        ObjectNode draft = draftOf(read.json());
        draft.put("title", "Changed by a writer");
        ApiResponse written = Expect.status(200, session.put(path, draft, "If-Match", read.etag()));
        assertRedacted(written.json());
        JsonNode stored = Expect.json(200, admin.get(path));
        assertEquals("the write went through", "Changed by a writer", stored.path("title").asText());
        assertEquals("null kept the notes", "kept secret", stored.path("notes").asText());
        assertEquals("null kept the birthday", "1975-03-14", stored.path("birthday").asText());

        String etag = Expect.status(200, session.get(path)).etag();
        Expect.problem(403, session.put(path, draftOf(read.json()).put("notes", "overwritten"), "If-Match", etag));
        Expect.problem(403, session.put(path, draftOf(read.json()).put("birthday", "2001-01-01"), "If-Match", etag));
        Expect.problem(403, session.patch(path, object("notes", "patched"), "If-Match", etag));
        JsonNode after = Expect.json(200, admin.get(path));
        assertEquals("refused writes change nothing", "kept secret", after.path("notes").asText());
        assertEquals("Changed by a writer", after.path("title").asText());
        assertEquals("1975-03-14", after.path("birthday").asText());
    }

    /** List totals of restricted callers count their visible contacts only (own + team, own, all, none). */
    public void listTotalsCountOnlyVisibleContacts() {
        EnrolledUser seller = EnrolledUser.create(admin, clients, "counted", "sales");
        EnrolledUser mate = EnrolledUser.create(admin, clients, "counted-mate", "sales");
        EnrolledUser outsider = EnrolledUser.create(admin, clients, "counted-out", "sales");
        EnrolledUser support = EnrolledUser.create(admin, clients, "counted-sup", "support");
        EnrolledUser auditor = EnrolledUser.create(admin, clients, "counted-aud", "auditor");
        String team = PermissionsApi.newName("counted");
        permissions.createTeam(team);
        permissions.join(team, seller.id());
        permissions.join(team, mate.id());
        String tag = PermissionTestData.runId();
        for (EnrolledUser owner : List.of(seller, mate, outsider, outsider)) {
            Map<String, Object> contact = PermissionTestData.contact(owner.id(), "Count" + tag, null);
            contact.put("tags", List.of(tag));
            Expect.status(201, admin.post("/contacts", contact));
        }
        assertEquals("sales: own and the mate's", 2, TeamChecks.total(seller.api(), tag));
        assertEquals("sales in no team: own only", 2, TeamChecks.total(outsider.api(), tag));
        assertEquals("support: all", 4, TeamChecks.total(support.api(), tag));
        assertEquals("admin: all", 4, TeamChecks.total(admin, tag));
        Expect.problem(403, auditor.api().get("/contacts?tag=" + tag));
        Expect.deleted(admin.delete("/teams/" + team));
    }

    private static void assertRedacted(JsonNode contact) {
        assertTrue("notes are null for this caller: " + contact, contact.path("notes").isNull()
                || contact.path("notes").isMissingNode());
        assertTrue("birthday is null for this caller: " + contact, contact.path("birthday").isNull()
                || contact.path("birthday").isMissingNode());
    }

    /** The members of a read contact that a draft has (read-only ones such as id and version left out). */
    private static ObjectNode draftOf(JsonNode contact) {
        ObjectNode draft = ((ObjectNode) contact).objectNode();
        for (String field : DRAFT_FIELDS) {
            if (contact.has(field)) {
                draft.set(field, contact.get(field).deepCopy());
            } else {
                draft.putNull(field);
            }
        }
        return draft;
    }
}
