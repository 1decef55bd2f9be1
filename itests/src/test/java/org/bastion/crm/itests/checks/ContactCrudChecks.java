package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;

/**
 * A contact's whole life over REST: create, read, replace, merge-patch, delete, and the 404 after.
 */
public final class ContactCrudChecks {

    private final CrmApi api;

    /** Checks against the given API. */
    public ContactCrudChecks(CrmApi api) {
        this.api = api;
    }

    /** POST 201 + Location + ETag, GET, PUT with If-Match, PATCH merge-patch, DELETE, then GET 404 problem+json. */
    public void roundTrip() {
        String run = TestData.runId();
        ApiResponse created = Expect.status(201, api.post("/contacts",
                TestData.contact("Ada", "Lovelace-" + run, "Ada.Lovelace@Example.COM")));
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertTrue("Location names the new contact: " + created.describe(),
                created.location() != null && created.location().endsWith("/api/v1/contacts/" + id));
        String etag = Expect.versionEtag(created);
        assertEquals("ETag carries the version: " + created.describe(), "\"" + body.path("version").asLong() + "\"", etag);
        assertEquals("e-mail domain is stored in lower case", "Ada.Lovelace@example.com",
                body.path("emails").path(0).path("address").asText());
        assertEquals("phone is normalised to E.164", "+49301234567", body.path("phones").path(0).path("number").asText());
        assertTrue("createdAt is set: " + created.describe(), body.path("createdAt").isTextual());

        ApiResponse read = Expect.status(200, api.get(created.location()));
        assertEquals("GET returns the ETag of the stored version", etag, read.etag());
        JsonNode stored = read.json();
        assertEquals("Lovelace-" + run, stored.path("lastName").asText());
        assertEquals("DE", stored.path("addresses").path(0).path("country").asText());
        assertEquals("1980-05-17", stored.path("birthday").asText());
        assertEquals(List.of("customer", "vip"), Json.texts(stored.path("tags")));

        Map<String, Object> replacement = TestData.contact("Augusta Ada", "King-" + run, "ada@example.org");
        replacement.put("title", "Countess");
        ApiResponse replaced = Expect.status(200, api.put("/contacts/" + id, replacement, "If-Match", etag));
        String replacedEtag = Expect.versionEtag(replaced);
        assertNotEquals("PUT raises the version", etag, replacedEtag);
        JsonNode afterPut = Expect.json(200, api.get("/contacts/" + id));
        assertEquals("King-" + run, afterPut.path("lastName").asText());
        assertEquals("Countess", afterPut.path("title").asText());
        assertEquals("ada@example.org", afterPut.path("emails").path(0).path("address").asText());

        ApiResponse patched = Expect.status(200, api.patch("/contacts/" + id,
                object("title", "Analyst", "notes", null), "If-Match", replacedEtag));
        assertNotEquals("PATCH raises the version", replacedEtag, Expect.versionEtag(patched));
        JsonNode afterPatch = Expect.json(200, api.get("/contacts/" + id));
        assertEquals("PATCH sets a member", "Analyst", afterPatch.path("title").asText());
        assertTrue("PATCH null removes a member: " + afterPatch,
                afterPatch.path("notes").isMissingNode() || afterPatch.path("notes").isNull());
        assertEquals("PATCH keeps what it does not name", "King-" + run, afterPatch.path("lastName").asText());
        assertEquals("PATCH keeps lists it does not name", "ada@example.org",
                afterPatch.path("emails").path(0).path("address").asText());

        Expect.deleted(api.delete("/contacts/" + id));
        JsonNode gone = Expect.problem(404, api.get("/contacts/" + id));
        assertFalse("404 detail is not empty: " + gone, gone.path("detail").asText().isBlank());
        Expect.problem(404, api.delete("/contacts/" + id));
        Expect.problem(404, api.get("/contacts/00000000-0000-0000-0000-000000000000"));
    }
}
