package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.util.Map;
import java.util.UUID;

/**
 * Request bodies for the checks, each marked with a run id so suites never see each other's data.
 */
final class TestData {

    private TestData() {
    }

    /**
     * A short id, unique for this run, to put into names, tags and owners. It starts with a letter: searches match
     * name words, and a search word made of digits only is taken for a phone number.
     */
    static String runId() {
        return "r" + UUID.randomUUID().toString().substring(0, 7);
    }

    /** A complete, valid contact. */
    static Map<String, Object> contact(String firstName, String lastName, String email) {
        return object(
                "firstName", firstName,
                "lastName", lastName,
                "title", "Head of Purchasing",
                "emails", array(object("type", "work", "address", email, "primary", true)),
                "phones", array(object("type", "mobile", "number", "+49 30 1234567")),
                "addresses", array(object("type", "work", "street", "Unter den Linden 1", "city", "Berlin",
                        "region", "Berlin", "postalCode", "10117", "country", "DE")),
                "tags", array("customer", "vip"),
                "notes", "met at the trade fair",
                "birthday", "1980-05-17");
    }

    /** A minimal valid contact with the given tags and owner. */
    static Map<String, Object> contact(String firstName, String lastName, String email, String owner, String... tags) {
        return object(
                "firstName", firstName,
                "lastName", lastName,
                "emails", array(object("type", "work", "address", email, "primary", true)),
                "tags", array((Object[]) tags),
                "owner", owner);
    }

    /** A valid company. */
    static Map<String, Object> company(String name, String domain) {
        return object(
                "name", name,
                "domain", domain,
                "address", object("type", "work", "street", "Rue de Rivoli 1", "city", "Paris", "region", "IDF",
                        "postalCode", "75001", "country", "FR"),
                "tags", array("partner"));
    }
}
