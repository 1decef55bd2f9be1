package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * HTTP-level refusals: 428 without If-Match, 412 with a stale one, 413 for a body over 1 MiB, 415 for a non-JSON body.
 */
public final class ProtocolErrorChecks {

    private static final int ONE_MIB = 1024 * 1024;

    private final CrmApi api;

    /** Checks against the given API. */
    public ProtocolErrorChecks(CrmApi api) {
        this.api = api;
    }

    /** PUT and PATCH need If-Match (428), refuse a stale one (412) and leave the contact unchanged. */
    public void conditionalWrites() {
        String run = TestData.runId();
        Map<String, Object> draft = TestData.contact("Cond", "Itional-" + run, "cond." + run + "@example.com");
        ApiResponse created = Expect.status(201, api.post("/contacts", draft));
        String path = "/contacts/" + created.json().path("id").asText();
        String etag = Expect.versionEtag(created);

        Expect.problem(428, api.put(path, draft));
        Expect.problem(428, api.patch(path, object("title", "Boss")));

        ApiResponse updated = Expect.status(200, api.patch(path, object("title", "Boss"), "If-Match", etag));
        String current = Expect.versionEtag(updated);
        Expect.problem(412, api.put(path, draft, "If-Match", etag));
        Expect.problem(412, api.patch(path, object("title", "Intern"), "If-Match", etag));
        Expect.problem(412, api.patch(path, object("title", "Intern"), "If-Match", "\"999999\""));

        ApiResponse unchanged = Expect.status(200, api.get(path));
        assertEquals("refused writes change nothing", current, unchanged.etag());
        assertEquals("Boss", unchanged.json().path("title").asText());
        Expect.deleted(api.delete(path));
    }

    /** A body over 1 MiB is refused with 413, a text/plain body with 415, a JSON PATCH that is not merge-patch with 415. */
    public void oversizedAndNonJsonBodies() {
        String run = TestData.runId();
        Map<String, Object> huge = TestData.contact("Huge", "Body-" + run, "huge." + run + "@example.com");
        huge.put("notes", "x".repeat(ONE_MIB + 1024));
        Expect.problem(413, api.post("/contacts", huge));

        String json = "{\"firstName\":\"Plain\",\"lastName\":\"Text-" + run + "\"}";
        Expect.problem(415, api.send("POST", "/contacts", "text/plain", json));

        ApiResponse created = Expect.status(201, api.post("/contacts",
                TestData.contact("Patch", "Type-" + run, "patch.type." + run + "@example.com")));
        String path = "/contacts/" + created.json().path("id").asText();
        Expect.problem(415, api.send("PATCH", path, "text/plain", "{\"title\":\"X\"}", "If-Match", created.etag()));

        JsonNode stored = Expect.json(200, api.get("/contacts?q=" + run));
        assertEquals("only the valid contact was stored: " + stored, 1, stored.path("total").asInt());
        Expect.deleted(api.delete(path));
    }
}
