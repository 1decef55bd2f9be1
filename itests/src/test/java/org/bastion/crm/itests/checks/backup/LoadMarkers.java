package org.bastion.crm.itests.checks.backup;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Marker strings of the load checks and the request bodies that carry them: every personal value of a contact (never
 * to be found in plaintext in a backup file) and company names (plaintext in the database by design, encrypted in a
 * backup like everything else). Shared by the checks of one suite, so the marker scan covers everything they wrote.
 */
final class LoadMarkers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = hex(4);
    private final List<String> personal = new CopyOnWriteArrayList<>();
    private final List<String> plaintext = new CopyOnWriteArrayList<>();

    /** The tag every contact of this run carries. */
    String tag() {
        return "backup-load-" + run;
    }

    /** A new personal marker, {@code code} naming the field. */
    String personal(String code) {
        String marker = "zq" + run + code + hex(3);
        personal.add(marker);
        return marker;
    }

    /** A new marker for a value stored in plaintext in the database by design (a company name). */
    String plaintext(String code) {
        String marker = "zq" + run + code + hex(3);
        plaintext.add(marker);
        return marker;
    }

    /** Every personal marker made so far. */
    List<String> personalMarkers() {
        return List.copyOf(personal);
    }

    /** Every plaintext marker made so far. */
    List<String> plaintextMarkers() {
        return List.copyOf(plaintext);
    }

    /** A contact of this run whose names, e-mail address and notes carry personal markers; its notes are returned too. */
    Map<String, Object> contact(String companyId, String notes) {
        Map<String, Object> contact = object(
                "firstName", personal("fn"),
                "lastName", personal("ln"),
                "emails", array(object("type", "work", "address", personal("em") + "@example.com", "primary", true)),
                "tags", array(tag()),
                "notes", notes);
        if (companyId != null) {
            contact.put("companyId", companyId);
        }
        return contact;
    }

    /** Notes text carrying a new personal marker. */
    String notes() {
        return "Called about " + personal("no") + ".";
    }

    /** A company of this run whose name carries a plaintext marker. */
    Map<String, Object> company() {
        String name = plaintext("co");
        return object("name", "Company " + name, "domain", name + ".example");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
