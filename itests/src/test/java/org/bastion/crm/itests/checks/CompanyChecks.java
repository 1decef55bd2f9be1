package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * Companies over REST: create, read, list, replace, the contacts of a company, delete.
 */
public final class CompanyChecks {

    private final CrmApi api;

    /** Checks against the given API. */
    public CompanyChecks(CrmApi api) {
        this.api = api;
    }

    /** The company CRUD cycle and {@code GET /companies/{id}/contacts}. */
    public void roundTripWithContacts() {
        String run = TestData.runId();
        String name = "Acme " + run;
        ApiResponse created = Expect.status(201, api.post("/companies", TestData.company(name, "ACME-" + run + ".example")));
        JsonNode company = created.json();
        String id = company.path("id").asText();
        assertTrue("Location names the new company: " + created.describe(),
                created.location() != null && created.location().endsWith("/api/v1/companies/" + id));
        String etag = Expect.versionEtag(created);
        assertEquals("domain is stored in lower case", "acme-" + run + ".example", company.path("domain").asText());

        ApiResponse read = Expect.status(200, api.get("/companies/" + id));
        assertEquals(etag, read.etag());
        assertEquals("FR", read.json().path("address").path("country").asText());

        JsonNode list = Expect.json(200, api.get("/companies?q=" + run));
        assertEquals("search by name finds the company: " + list, 1, list.path("total").asInt());
        assertEquals(id, list.path("items").path(0).path("id").asText());

        Map<String, Object> renamed = TestData.company(name + " Holding", "acme-" + run + ".example");
        ApiResponse replaced = Expect.status(200, api.put("/companies/" + id, renamed, "If-Match", etag));
        assertEquals(name + " Holding", replaced.json().path("name").asText());
        Expect.problem(412, api.put("/companies/" + id, renamed, "If-Match", etag));

        List<String> employees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> contact = TestData.contact("Emp" + i, "Acme-" + run, "emp" + i + "." + run + "@example.com");
            contact.put("companyId", id);
            employees.add(Expect.json(201, api.post("/contacts", contact)).path("id").asText());
        }
        api.post("/contacts", TestData.contact("Other", "Elsewhere-" + run, "other." + run + "@example.com"));

        JsonNode staff = Expect.json(200, api.get("/companies/" + id + "/contacts"));
        assertEquals("a company lists exactly its contacts: " + staff, 3, staff.path("total").asInt());
        List<String> listed = new ArrayList<>();
        staff.path("items").forEach(item -> listed.add(item.path("id").asText()));
        assertTrue("listed " + listed + ", expected " + employees, listed.containsAll(employees));
        JsonNode byFilter = Expect.json(200, api.get("/contacts?companyId=" + id));
        assertEquals("companyId filter agrees: " + byFilter, 3, byFilter.path("total").asInt());
        Expect.problem(404, api.get("/companies/00000000-0000-0000-0000-000000000000/contacts"));

        for (String employee : employees) {
            Expect.deleted(api.delete("/contacts/" + employee));
        }
        Expect.deleted(api.delete("/companies/" + id));
        Expect.problem(404, api.get("/companies/" + id));
    }
}
