package org.bastion.crm.itests.checks.vendor;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.util.Map;
import java.util.UUID;

/** Request bodies for the deal checks, marked with a run id so that checks never see each other's data. */
final class DealsData {

    private DealsData() {
    }

    /** A short id unique to this run, starting with a letter. */
    static String runId() {
        return "v" + UUID.randomUUID().toString().substring(0, 7);
    }

    /** A valid deal; owner may be null (the caller owns it). */
    static Map<String, Object> deal(String title, String amount, String owner) {
        return object("title", title, "amount", new java.math.BigDecimal(amount), "currency", "EUR",
                "stage", "QUALIFIED", "closeDate", "2027-03-31", "owner", owner);
    }

    /** A valid deal with notes. */
    static Map<String, Object> dealWithNotes(String title, String owner, String notes) {
        Map<String, Object> deal = deal(title, "1200.50", owner);
        deal.put("notes", notes);
        return deal;
    }

    /** A minimal valid contact. */
    static Map<String, Object> contact(String lastName) {
        return object("firstName", "Deal", "lastName", lastName,
                "emails", array(object("type", "work", "address", lastName.toLowerCase() + "@example.com",
                        "primary", true)));
    }
}
