package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * Listing contacts: filters (q, tag, owner), sort order, page sizes and the paging links, over 45 seeded contacts.
 */
public final class SearchAndPagingChecks {

    private static final int SEEDED = 45;

    private final CrmApi api;

    /** Checks against the given API. */
    public SearchAndPagingChecks(CrmApi api) {
        this.api = api;
    }

    /** Seeds 45 contacts under one run tag, then searches, sorts and pages through them. */
    public void seedSearchAndPage() {
        String run = TestData.runId();
        String runTag = "seed-" + run;
        String ownerA = "owner-a-" + run;
        for (int i = 0; i < SEEDED; i++) {
            String parity = i % 2 == 0 ? "even-" + run : "odd-" + run;
            Expect.status(201, api.post("/contacts", TestData.contact("Seeded", lastName(run, i),
                    "seed" + i + "." + run + "@example.com", i % 3 == 0 ? ownerA : "owner-b-" + run, runTag, parity)));
        }

        JsonNode all = Expect.json(200, api.get("/contacts?tag=" + runTag));
        assertEquals("tag filter counts every seeded contact: " + all.path("total"), SEEDED, all.path("total").asInt());
        assertEquals("default page size is 20", 20, all.path("items").size());
        assertEquals("even tag", 23, Expect.json(200, api.get("/contacts?tag=even-" + run)).path("total").asInt());
        assertEquals("owner filter", 15, Expect.json(200, api.get("/contacts?owner=" + ownerA)).path("total").asInt());
        JsonNode combined = Expect.json(200, api.get("/contacts?tag=odd-" + run + "&owner=" + ownerA));
        assertEquals("filters combine (odd multiples of 3 below 45)", 7, combined.path("total").asInt());

        JsonNode byText = Expect.json(200, api.get("/contacts?q=" + lastName(run, 7)));
        assertEquals("q finds one contact by its last name: " + byText, 1, byText.path("total").asInt());
        assertEquals(lastName(run, 7), byText.path("items").path(0).path("lastName").asText());
        JsonNode byEmail = Expect.json(200, api.get("/contacts?q=seed12." + run + "@example.com"));
        assertEquals("q finds one contact by its e-mail address: " + byEmail, 1, byEmail.path("total").asInt());

        JsonNode ascending = Expect.json(200, api.get("/contacts?tag=" + runTag + "&sort=lastName&size=5"));
        assertEquals(lastName(run, 0), ascending.path("items").path(0).path("lastName").asText());
        JsonNode descending = Expect.json(200, api.get("/contacts?tag=" + runTag + "&sort=-lastName&size=5"));
        assertEquals(lastName(run, SEEDED - 1), descending.path("items").path(0).path("lastName").asText());

        pageThroughWithLinks(runTag, run);

        JsonNode largest = Expect.json(200, api.get("/contacts?tag=" + runTag + "&size=200"));
        assertEquals("size 200 is allowed and holds every contact", SEEDED, largest.path("items").size());
        Expect.fieldError("size", api.get("/contacts?size=500"));
        Expect.problem(400, api.get("/contacts?size=0"));
        Expect.problem(400, api.get("/contacts?sort=favouriteColour"));
    }

    /** Follows next links from the first page of 20 to the last and back with prev: 20 + 20 + 5, sorted, no repeats. */
    private void pageThroughWithLinks(String runTag, String run) {
        JsonNode page = Expect.json(200, api.get("/contacts?tag=" + runTag + "&sort=lastName&size=20"));
        JsonNode links = page.path("links");
        assertTrue("links.self: " + links, links.path("self").isTextual());
        assertTrue("links.first: " + links, links.path("first").isTextual());
        assertTrue("links.last: " + links, links.path("last").isTextual());
        assertTrue("first page has no prev: " + links, links.path("prev").isMissingNode() || links.path("prev").isNull());
        assertEquals(20, page.path("size").asInt());

        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        while (true) {
            pageSizes.add(page.path("items").size());
            page.path("items").forEach(item -> seen.add(item.path("lastName").asText()));
            assertEquals("every page reports the total", SEEDED, page.path("total").asInt());
            JsonNode next = page.path("links").path("next");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            assertTrue("paging ended: " + pageSizes, pageSizes.size() < 10);
            page = Expect.json(200, api.get(next.asText()));
        }
        assertEquals("page sizes following next", List.of(20, 20, 5), pageSizes);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            expected.add(lastName(run, i));
        }
        assertEquals("pages hold every contact once, in order", expected, seen);

        JsonNode last = Expect.json(200, api.get(links.path("last").asText()));
        assertEquals("links.last leads to the last page", 5, last.path("items").size());
        JsonNode prev = last.path("links").path("prev");
        assertFalse("the last page links back: " + last.path("links"), prev.isMissingNode() || prev.isNull());
        JsonNode middle = Expect.json(200, api.get(prev.asText()));
        assertEquals(lastName(run, 20), middle.path("items").path(0).path("lastName").asText());
        JsonNode first = Expect.json(200, api.get(middle.path("links").path("first").asText()));
        assertEquals(lastName(run, 0), first.path("items").path(0).path("lastName").asText());
    }

    private static String lastName(String run, int index) {
        return String.format("Seed%s%02d", run, index);
    }
}
