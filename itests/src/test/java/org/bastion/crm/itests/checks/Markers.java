package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Unique marker strings for one check, and request bodies whose every value carries one: the personal values of a
 * contact (which must never reach a disk, a dump or a log in plaintext) and the name of a company (plaintext by
 * design, so a scan that finds it proves the scan can see stored data).
 */
final class Markers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = hex(4);
    private final List<String> personal = new ArrayList<>();
    private final List<String> plaintext = new ArrayList<>();

    /** The random hex that every marker of this run contains. */
    String run() {
        return run;
    }

    /** A new personal marker: lower-case letters and hex digits, {@code code} naming the field for failure messages. */
    String personal(String code) {
        String marker = "zq" + run + code + hex(3);
        personal.add(marker);
        return marker;
    }

    /** A new personal marker made of 12 random digits (phone numbers hold nothing else). */
    String personalDigits() {
        StringBuilder digits = new StringBuilder().append(1 + RANDOM.nextInt(9));
        while (digits.length() < 12) {
            digits.append(RANDOM.nextInt(10));
        }
        personal.add(digits.toString());
        return digits.toString();
    }

    /** A new marker for a value that is stored in plaintext by design. */
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

    /**
     * A contact whose names, title, e-mail address, phone number, street, city, region, postal code and notes each
     * carry a personal marker; the country ({@code DE}, an ISO code) and the birthday cannot carry one.
     */
    Map<String, Object> contact() {
        return object(
                "firstName", personal("fn"),
                "lastName", personal("ln"),
                "title", "Head of " + personal("ti"),
                "emails", array(object("type", "work", "address", personal("em") + "@example.com", "primary", true)),
                "phones", array(object("type", "mobile", "number", "+49" + personalDigits())),
                "addresses", array(object("type", "home", "street", personal("st") + " 12", "city", personal("ci"),
                        "region", personal("re"), "postalCode", personal("pc"), "country", "DE")),
                "tags", array("marked-" + run),
                "notes", "Met at the fair.\nLikes " + personal("no") + " and tea.",
                "birthday", "1980-05-17");
    }

    /** A company whose name carries a plaintext marker. */
    Map<String, Object> company() {
        return object("name", "Company " + plaintext("co"), "domain", "co-" + run + ".example");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
