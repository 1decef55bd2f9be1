package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * Bad input: field errors for invalid values, 400 for bodies the server cannot read and for bad query parameters,
 * always as problem+json and never as a stack trace or a 500.
 */
public final class ValidationChecks {

    private final CrmApi api;

    /** Checks against the given API. */
    public ValidationChecks(CrmApi api) {
        this.api = api;
    }

    /** Invalid e-mail, country, company reference: 400 naming the field, and nothing is stored. */
    public void badContactsAreRejectedWithFieldErrors() {
        String run = TestData.runId();
        Map<String, Object> badEmail = TestData.contact("Bad", "Email-" + run, "not-an-email");
        Expect.fieldError("email", api.post("/contacts", badEmail));

        Map<String, Object> badCountry = TestData.contact("Bad", "Country-" + run, "bad.country." + run + "@example.com");
        badCountry.put("addresses", array(object("type", "home", "city", "Nowhere", "country", "Atlantis")));
        Expect.fieldError("country", api.post("/contacts", badCountry));

        Map<String, Object> twoPrimaries = TestData.contact("Two", "Primaries-" + run, "one." + run + "@example.com");
        twoPrimaries.put("emails", array(object("type", "work", "address", "one." + run + "@example.com", "primary", true),
                object("type", "home", "address", "two." + run + "@example.com", "primary", true)));
        Expect.fieldError("email", api.post("/contacts", twoPrimaries));

        Map<String, Object> unknownCompany = TestData.contact("No", "Company-" + run, "no.company." + run + "@example.com");
        unknownCompany.put("companyId", "00000000-0000-0000-0000-000000000000");
        Expect.fieldError("company", api.post("/contacts", unknownCompany));

        Expect.fieldError("name", api.post("/companies", object("name", "", "domain", "empty-" + run + ".example")));

        JsonNode stored = Expect.json(200, api.get("/contacts?q=" + run));
        assertEquals("rejected contacts are not stored: " + stored, 0, stored.path("total").asInt());
    }

    /** Unknown member, malformed JSON, wrong JSON types, a malformed id and bad paging parameters: 400 problems. */
    public void unreadableBodiesAndBadParametersAreRejected() {
        Expect.problem(400, api.post("/contacts", "{\"firstName\":\"Eve\",\"lastName\":\"Unknown\",\"shoeSize\":44}"));
        Expect.problem(400, api.post("/contacts", "{\"firstName\": \"Eve\", "));
        Expect.problem(400, api.post("/contacts", "[1, 2, 3]"));
        Expect.problem(400, api.post("/contacts", "{\"firstName\":\"Eve\",\"birthday\":\"yesterday\"}"));
        Expect.problem(400, api.post("/contacts", "{\"firstName\":\"Eve\",\"emails\":\"eve@example.com\"}"));
        ApiResponse malformedId = api.get("/contacts/not-a-uuid");
        Expect.problem(malformedId.status() == 404 ? 404 : 400, malformedId);
        Expect.problem(400, api.get("/contacts?page=-1"));
        Expect.problem(400, api.get("/contacts?size=abc"));
    }
}
