package org.bastion.crm.itests.checks.permissions;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the permission checks: contacts and companies with an explicit owner, unique per call.
 */
public final class PermissionTestData {

    private PermissionTestData() {
    }

    /** A short unique id starting with a letter (search words of digits only are taken for phone numbers). */
    public static String runId() {
        return "p" + UUID.randomUUID().toString().substring(0, 7);
    }

    /** A valid contact owned by {@code owner}, with the SENSITIVE fields notes (when not null) and birthday. */
    public static Map<String, Object> contact(String owner, String lastName, String notes) {
        String run = runId();
        Map<String, Object> contact = object(
                "firstName", "Perm",
                "lastName", lastName,
                "title", "Buyer",
                "emails", array(object("type", "work", "address", "perm." + run + "@example.com", "primary", true)),
                "tags", array("perm-itest"),
                "owner", owner);
        if (notes != null) {
            contact.put("notes", notes);
            contact.put("birthday", "1975-03-14");
        }
        return contact;
    }

    /** A valid company owned by {@code owner}, with a unique name and domain. */
    public static Map<String, Object> company(String owner) {
        String run = runId();
        return object(
                "name", "Perm Co " + run,
                "domain", "perm-" + run + ".example",
                "tags", array("perm-itest"),
                "owner", owner);
    }
}
