package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.itests.checks.permissions.EnrolledUser;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Reading the audit trail in the running distribution: {@code GET /audit} with its filters and its 400s, field
 * history of a contact decrypted for the admin and redacted for a user without {@code contacts:read-sensitive} (served
 * by crm-audit beside crm-contacts' own {@code /contacts/{id}}), and the caller's own activity. Entries are recorded
 * through the container's {@link AuditLog} service, as any bundle records them.
 */
public final class AuditQueryChecks {

    private static final Duration CHAINED = Duration.ofSeconds(30);

    private final BundleContext bundleContext;
    private final CrmApi admin;
    private final ApiClients clients;

    public AuditQueryChecks(BundleContext bundleContext, CrmApi admin, ApiClients clients) {
        this.bundleContext = bundleContext;
        this.admin = admin;
        this.clients = clients;
    }

    /** Filters by actor, action prefix, outcome, target and time; every bad parameter is a 400 naming it. */
    public void queryWithFiltersAndBadInput() {
        String run = TestData.runId();
        String actorId = "q-actor-" + run;
        AuditActor actor = new AuditActor(actorId, "q" + run, "rest", "192.0.2.7");
        record(AuditEntry.of("auth.login.failed", AuditOutcome.FAILURE).actor(actor).detail("reason", "password")
                .build());
        record(AuditEntry.success("auth.login.succeeded").actor(actor).build());
        record(AuditEntry.success("contact.read").actor(actor).target("contact", "q-" + run).build());
        String byActor = "/audit?actor=" + actorId;
        Await.until("the three entries of " + actorId + " to be chained", CHAINED, () -> admin.get(byActor),
                r -> r.status() == 200 && r.json().path("total").asInt() == 3);

        JsonNode logins = Expect.json(200, admin.get(byActor + "&action=auth.*"));
        assertEquals("auth.* matches the two login entries: " + logins, List.of("auth.login.succeeded",
                "auth.login.failed"), actions(logins));
        assertTrue("newest first: " + logins, logins.path("items").path(0).path("sequence").asLong()
                > logins.path("items").path(1).path("sequence").asLong());
        JsonNode failed = Expect.json(200, admin.get(byActor + "&outcome=failure"));
        assertEquals(List.of("auth.login.failed"), actions(failed));
        assertEquals("password", failed.path("items").path(0).path("details").path("reason").asText());
        assertEquals("192.0.2.7", failed.path("items").path(0).path("actor").path("address").asText());
        JsonNode target = Expect.json(200, admin.get("/audit?targetKind=contact&targetId=q-" + run));
        assertEquals(List.of("contact.read"), actions(target));
        String later = encode(Instant.now().plus(Duration.ofHours(1)).toString());
        assertEquals(0, Expect.json(200, admin.get(byActor + "&from=" + later)).path("total").asInt());
        JsonNode paged = Expect.json(200, admin.get(byActor + "&size=2&page=1"));
        assertEquals("the second page of two holds the third entry: " + paged, 1, paged.path("items").size());
        assertEquals(3, paged.path("total").asInt());

        Expect.fieldError("bogus", admin.get("/audit?bogus=1"));
        Expect.fieldError("from", admin.get("/audit?from=yesterday"));
        Expect.fieldError("from", admin.get("/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"));
        Expect.fieldError("size", admin.get("/audit?size=201"));
        Expect.fieldError("outcome", admin.get("/audit?outcome=maybe"));
        Expect.noStackTrace(admin.get("/audit?to=2026-99-99"));
    }

    /** A contact's history: personal values decrypted for the admin, redacted for support; /contacts/{id} unaffected. */
    public void historyDecryptedForAdminAndRedactedWithoutTheFieldPermission() {
        String run = TestData.runId();
        String id = Expect.json(201, admin.post("/contacts", TestData.contact("Hist", "Ory-" + run,
                "hist." + run + "@example.com"))).path("id").asText();
        record(AuditEntry.success("contact.updated").target("contact", id)
                .change(FieldChange.personal("notes", "before-" + run, "after-" + run, new RecordRef("contact", id)))
                .change(FieldChange.plain("tags", "[\"a\"]", "[\"b\"]")).build());

        JsonNode history = Await.until("the history of contact " + id, CHAINED,
                () -> admin.get("/contacts/" + id + "/history"),
                r -> r.status() == 200 && change(r.json(), "notes") != null).json();
        JsonNode notes = change(history, "notes");
        assertEquals("decrypted for the admin: " + history, "decrypted", notes.path("values").asText());
        assertEquals("before-" + run, notes.path("oldValue").asText());
        assertEquals("after-" + run, notes.path("newValue").asText());
        assertEquals("[\"b\"]", change(history, "tags").path("newValue").asText());

        EnrolledUser support = EnrolledUser.create(admin, clients, "q-support", "support");
        JsonNode seen = Expect.json(200, support.api().get("/contacts/" + id + "/history"));
        JsonNode redacted = change(seen, "notes");
        assertEquals("redacted without contacts:read-sensitive: " + seen, "redacted", redacted.path("values").asText());
        assertFalse("no values when redacted: " + redacted,
                redacted.hasNonNull("oldValue") || redacted.hasNonNull("newValue"));
        assertFalse("no plaintext for support: " + seen, seen.toString().contains("after-" + run));
        assertEquals("plain fields stay readable", "plain", change(seen, "tags").path("values").asText());

        assertEquals("crm-contacts still answers /contacts/{id}", id,
                Expect.json(200, admin.get("/contacts/" + id)).path("id").asText());
        Expect.problem(404, admin.get("/contacts/00000000-0000-0000-0000-000000000000/history"));
        Expect.fieldError("bogus", admin.get("/contacts/" + id + "/history?bogus=1"));
        String company = Expect.json(201, admin.post("/companies", TestData.company("Hist " + run,
                "hist-" + run + ".example"))).path("id").asText();
        JsonNode companyHistory = Await.until("the history of company " + company, CHAINED,
                () -> admin.get("/companies/" + company + "/history"),
                r -> r.status() == 200 && r.json().path("total").asInt() > 0).json();
        assertEquals("a new company's history is its creation: " + companyHistory, 1,
                companyHistory.path("total").asInt());
        assertTrue("company.created: " + companyHistory, companyHistory.toString().contains("company.created"));
        Expect.problem(403, support.api().get("/audit"));
    }

    /** {@code GET /auth/me/activity}: the caller's own authentication entries only. */
    public void activityOfTheAdmin() {
        String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        String run = TestData.runId();
        record(AuditEntry.success("auth.login.succeeded").actor(new AuditActor(adminId, "admin", "rest", "192.0.2.9"))
                .detail("run", run).build());
        record(AuditEntry.success("auth.login.succeeded").actor(new AuditActor("q-other-" + run, "other", "rest",
                "192.0.2.9")).detail("run", run).build());

        JsonNode activity = Await.until("the admin's login of run " + run + " in /auth/me/activity", CHAINED,
                () -> admin.get("/auth/me/activity?size=200"),
                r -> r.status() == 200 && r.body().contains(run)).json();
        for (JsonNode item : activity.path("items")) {
            assertEquals("only the caller's entries: " + item, adminId, item.path("actor").path("userId").asText());
            assertTrue("only auth.* entries: " + item, item.path("action").asText().startsWith("auth."));
        }
        Expect.fieldError("actor", admin.get("/auth/me/activity?actor=q-other-" + run));
        Expect.problem(401, clients.anonymous().get("/auth/me/activity"));
    }

    private void record(AuditEntry entry) {
        ServiceReference<AuditLog> reference = Await.until("the AuditLog service", CHAINED,
                () -> bundleContext.getServiceReference(AuditLog.class), found -> found != null);
        AuditLog log = bundleContext.getService(reference);
        try {
            log.record(entry);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static JsonNode change(JsonNode history, String field) {
        for (JsonNode entry : history.path("items")) {
            for (JsonNode change : entry.path("changes")) {
                if (field.equals(change.path("field").asText())) {
                    return change;
                }
            }
        }
        return null;
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(item -> actions.add(item.path("action").asText()));
        return actions;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
