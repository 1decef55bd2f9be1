package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * Search over encrypted fields (blind indexes): {@code q=} finds contacts by a name word or a prefix of one of at
 * least 3 characters, by an exact e-mail address and by an exact phone number, with exact totals; a name that merely
 * contains the word is not a match.
 */
public final class EncryptedSearchChecks {

    private static final int FAMILY_SIZE = 4;

    private final CrmApi api;

    /** Checks against the given API. */
    public EncryptedSearchChecks(CrmApi api) {
        this.api = api;
    }

    /** Seeds a family of contacts sharing a last-name prefix plus a decoy, then searches by prefix, e-mail and phone. */
    public void findsByNamePrefixEmailAndPhone() {
        Markers markers = new Markers();
        String family = "srch" + markers.run();
        List<String> lastNames = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        Set<String> familyIds = new TreeSet<>();
        for (int i = 0; i < FAMILY_SIZE; i++) {
            String lastName = family + "q" + i;
            String email = markers.personal("em") + "@example.com";
            String phone = "+49" + markers.personalDigits();
            familyIds.add(create("Searchable", lastName, email, phone));
            lastNames.add(lastName);
            emails.add(email);
            phones.add(phone);
        }
        // holds the family's word inside a longer word: found by a "contains" search, not by a word-prefix search
        String decoyId = create("Decoy", "x" + family + "q9", markers.personal("em") + "@example.com",
                "+49" + markers.personalDigits());

        JsonNode byPrefix = search(family);
        assertEquals("q=<last-name prefix> finds exactly the family: " + byPrefix, FAMILY_SIZE,
                byPrefix.path("total").asInt());
        assertEquals("q=<last-name prefix> finds the family's ids", familyIds, ids(byPrefix));
        JsonNode byShortPrefix = search("xsr");
        assertEquals("q=<3-character prefix> finds the one name word starting with it: " + byShortPrefix, 1,
                byShortPrefix.path("total").asInt());
        assertEquals(decoyId, byShortPrefix.path("items").path(0).path("id").asText());
        JsonNode byWord = search(lastNames.get(2));
        assertEquals("q=<whole last name> finds one contact: " + byWord, 1, byWord.path("total").asInt());
        assertEquals(lastNames.get(2), byWord.path("items").path(0).path("lastName").asText());

        JsonNode byEmail = search(emails.get(1));
        assertEquals("q=<e-mail address> finds one contact: " + byEmail, 1, byEmail.path("total").asInt());
        assertEquals(lastNames.get(1), byEmail.path("items").path(0).path("lastName").asText());
        String upperDomain = emails.get(3).replace("@example.com", "@EXAMPLE.COM");
        assertEquals("the domain of an e-mail address is not case-sensitive", 1, search(upperDomain).path("total").asInt());
        String truncated = emails.get(1).substring(0, emails.get(1).length() - 1);
        assertEquals("e-mail addresses match exactly, not by prefix", 0, search(truncated).path("total").asInt());

        JsonNode byPhone = search(phones.get(0));
        assertEquals("q=<E.164 phone number> finds one contact: " + byPhone, 1, byPhone.path("total").asInt());
        assertEquals(lastNames.get(0), byPhone.path("items").path(0).path("lastName").asText());
        assertEquals("phone numbers match exactly, not by prefix", 0,
                search(phones.get(0).substring(0, phones.get(0).length() - 2)).path("total").asInt());

        JsonNode sorted = Expect.json(200, api.get("/contacts?q=" + encode(family) + "&sort=-lastName"));
        List<String> expectedOrder = new ArrayList<>(lastNames);
        expectedOrder.sort((a, b) -> b.compareTo(a));
        List<String> order = new ArrayList<>();
        sorted.path("items").forEach(item -> order.add(item.path("lastName").asText()));
        assertEquals("the matches sort by the (encrypted) last name", expectedOrder, order);

        Expect.problem(400, api.get("/contacts?q=sr"));
    }

    private String create(String firstName, String lastName, String email, String phone) {
        Map<String, Object> contact = object(
                "firstName", firstName,
                "lastName", lastName,
                "emails", array(object("type", "work", "address", email, "primary", true)),
                "phones", array(object("type", "mobile", "number", phone)));
        return Expect.json(201, api.post("/contacts", contact)).path("id").asText();
    }

    private JsonNode search(String q) {
        return Expect.json(200, api.get("/contacts?q=" + encode(q) + "&size=50"));
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new TreeSet<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
