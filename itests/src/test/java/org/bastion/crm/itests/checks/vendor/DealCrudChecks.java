package org.bastion.crm.itests.checks.vendor;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample plugin's REST contract as the admin sees it: create/read/replace/patch/delete with ETags, If-Match (428,
 * 412), If-None-Match (304), JSON merge patch, paging and sorting, validation as problem+json, the contact reference
 * checked through contacts, the notes encrypted at rest, and the OpenAPI document listing /deals.
 */
public final class DealCrudChecks {

    private final CrmApi admin;
    private final BundleContext bundleContext;

    /** Checks through the admin's client, with the container for the database look. */
    public DealCrudChecks(CrmApi admin, BundleContext bundleContext) {
        this.admin = admin;
        this.bundleContext = bundleContext;
    }

    /** One deal through its whole life, every answer as the contract says. */
    public void dealLifeWithETagsAndMergePatch() {
        String run = DealsData.runId();
        ApiResponse created = Expect.status(201, admin.post("/deals", DealsData.dealWithNotes("Deal " + run, null,
                "secret " + run)));
        String etag = Expect.versionEtag(created);
        JsonNode deal = created.json();
        String path = "/deals/" + deal.path("id").asText();
        assertTrue("Location names the deal: " + created.describe(), created.location().endsWith(path));
        assertEquals(0, new BigDecimal("1200.50").compareTo(deal.path("amount").decimalValue()));
        assertEquals("EUR", deal.path("currency").asText());
        assertEquals("2027-03-31", deal.path("closeDate").asText());
        assertEquals("the admin reads the notes", "secret " + run, deal.path("notes").asText());

        ApiResponse read = Expect.status(200, admin.get(path));
        assertEquals(etag, read.etag());
        Expect.status(304, admin.get(path, "If-None-Match", etag));
        Expect.problem(428, admin.put(path, DealsData.deal("Deal " + run, "5", null)));
        Expect.problem(412, admin.put(path, DealsData.deal("Deal " + run, "5", null), "If-Match", "\"999\""));

        ApiResponse patched = Expect.status(200, admin.patch(path, object("stage", "PROPOSAL", "closeDate", null),
                "If-Match", etag));
        assertNotEquals("a change makes a new ETag", etag, Expect.versionEtag(patched));
        assertEquals("PROPOSAL", patched.json().path("stage").asText());
        assertTrue("null removed the close date: " + patched.body(), patched.json().path("closeDate").isMissingNode()
                || patched.json().path("closeDate").isNull());
        assertEquals("the rest is kept", "Deal " + run, patched.json().path("title").asText());
        assertEquals("the notes are kept", "secret " + run, patched.json().path("notes").asText());
        Expect.problem(412, admin.patch(path, object("stage", "WON"), "If-Match", etag));
        Expect.problem(415, admin.send("PATCH", path, "application/json", object("stage", "WON"),
                "If-Match", patched.etag()));

        assertNotesEncryptedAtRest(deal.path("id").asText(), "secret");
        ApiResponse replaced = Expect.status(200, admin.put(path, DealsData.deal("Renamed " + run, "7", null),
                "If-Match", patched.etag()));
        assertEquals("Renamed " + run, replaced.json().path("title").asText());
        assertTrue("PUT replaces the notes too: " + replaced.body(), replaced.json().path("notes").isMissingNode()
                || replaced.json().path("notes").isNull());

        Expect.problem(412, admin.delete(path, "If-Match", etag));
        Expect.deleted(admin.delete(path, "If-Match", replaced.etag()));
        Expect.problem(404, admin.get(path));
        Expect.problem(404, admin.get("/deals/not-a-uuid"));
        Expect.problem(404, admin.delete(path));
    }

    /** Bad drafts are 400 problems naming each field; nothing is stored. */
    public void invalidDealsAreRefusedFieldByField() {
        Expect.fieldError("currency", admin.post("/deals", object("title", "x", "amount", 1, "currency", "EURO")));
        Expect.fieldError("amount", admin.post("/deals", object("title", "x", "amount", -1, "currency", "EUR")));
        Expect.fieldError("amount", admin.post("/deals", object("title", "x", "amount", new BigDecimal("10.5"),
                "currency", "JPY")));
        Expect.fieldError("title", admin.post("/deals", object("title", "bad\u001b[31m", "amount", 1, "currency", "EUR")));
        Expect.problem(400, admin.post("/deals", object("title", "x", "amount", 1, "currency", "EUR", "stage", "DREAM")));
        Expect.problem(400, admin.post("/deals", object("title", "x", "amount", 1, "currency", "EUR", "colour", "red")));
        Expect.fieldError("contactId", admin.post("/deals", object("title", "x", "amount", 1, "currency", "EUR",
                "contactId", UUID.randomUUID().toString())));
        Expect.problem(400, admin.get("/deals?size=0"));
        Expect.problem(400, admin.get("/deals?sort=colour"));
        Expect.problem(400, admin.get("/deals?stage=DREAM"));
    }

    /** A deal names a contact that exists; listing by contact finds it. */
    public void contactReferenceIsCheckedThroughContacts() {
        String run = DealsData.runId();
        String contactId = Expect.json(201, admin.post("/contacts", DealsData.contact("Buyer" + run)))
                .path("id").asText();
        java.util.Map<String, Object> body = DealsData.deal("With contact " + run, "10", null);
        body.put("contactId", contactId);
        JsonNode deal = Expect.json(201, admin.post("/deals", body));
        assertEquals(contactId, deal.path("contactId").asText());
        JsonNode page = Expect.json(200, admin.get("/deals?contactId=" + contactId));
        assertEquals("one deal with that contact: " + page, 1, page.path("total").asInt());
        Expect.deleted(admin.delete("/deals/" + deal.path("id").asText()));
        Expect.deleted(admin.delete("/contacts/" + contactId));
    }

    /** Deals of one owner, two per page, sorted by amount descending, with paging links. */
    public void pagesAreSortedAndLinked(String owner) {
        String run = DealsData.runId();
        List<String> ids = new ArrayList<>();
        for (String amount : List.of("10", "30", "20")) {
            ids.add(Expect.json(201, admin.post("/deals", DealsData.deal("Paged " + run, amount, owner)))
                    .path("id").asText());
        }
        JsonNode first = Expect.json(200, admin.get("/deals?owner=" + owner + "&size=2&sort=-amount"));
        assertEquals("total: " + first, 3, first.path("total").asInt());
        assertEquals(List.of("30", "20"), amounts(first));
        assertTrue("a next link: " + first, first.path("links").path("next").asText().contains("page=1"));
        JsonNode second = Expect.json(200, admin.get("/deals?owner=" + owner + "&size=2&sort=-amount&page=1"));
        assertEquals(List.of("10"), amounts(second));
        assertFalse("no next link on the last page: " + second, second.path("links").has("next"));
        assertTrue("lists never carry notes: " + first, first.path("items").findValues("notes").stream()
                .allMatch(JsonNode::isNull));
        ids.forEach(id -> Expect.deleted(admin.delete("/deals/" + id)));
    }

    /** The OpenAPI document lists the plugin's paths while it is installed. */
    public void openApiListsDeals() {
        JsonNode document = Expect.json(200, admin.get("/openapi.json"));
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue("lists /deals: " + paths, paths.stream().anyMatch(p -> p.endsWith("/deals")));
        assertTrue("lists /deals/{id}: " + paths, paths.stream().anyMatch(p -> p.matches(".*/deals/\\{[^}]+}")));
    }

    private static List<String> amounts(JsonNode page) {
        List<String> amounts = new ArrayList<>();
        page.path("items").forEach(item -> amounts.add(item.path("amount").decimalValue().stripTrailingZeros()
                .toPlainString()));
        return amounts;
    }

    private void assertNotesEncryptedAtRest(String id, String plaintextPart) {
        Collection<ServiceReference<DataSource>> references;
        try {
            references = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceReference<DataSource> reference = references.iterator().next();
        DataSource dataSource = bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT notes FROM vendor_deal WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue("the deal is stored", row.next());
                String stored = row.getString(1);
                assertNotNull("the notes are stored", stored);
                assertFalse("the notes are stored encrypted: " + stored, stored.contains(plaintextPart));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot read vendor_deal: " + e.getMessage(), e);
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
