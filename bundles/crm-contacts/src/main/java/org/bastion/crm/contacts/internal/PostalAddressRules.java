package org.bastion.crm.contacts.internal;

import org.bastion.crm.api.contacts.PostalAddress;

/** Rules for a postal address, shared by contacts and companies: bounded lengths and an ISO 3166-1 country. */
public final class PostalAddressRules {

    public static final int MAX_TYPE = 50;
    public static final int MAX_STREET = 300;
    public static final int MAX_CITY = 100;
    public static final int MAX_REGION = 100;
    public static final int MAX_POSTAL_CODE = 20;

    private PostalAddressRules() {
    }

    /** The normalised address (null stays null); broken rules are reported under {@code path.field}. */
    public static PostalAddress normalise(PostalAddress address, String path, Violations violations) {
        if (address == null) {
            violations.add(path, "must not be null");
            return null;
        }
        String type = TextRules.line(address.type(), MAX_TYPE, path + ".type", violations);
        String street = TextRules.multiline(address.street(), MAX_STREET, path + ".street", violations);
        String city = TextRules.line(address.city(), MAX_CITY, path + ".city", violations);
        String region = TextRules.line(address.region(), MAX_REGION, path + ".region", violations);
        String postalCode = TextRules.line(address.postalCode(), MAX_POSTAL_CODE, path + ".postalCode", violations);
        String country = null;
        if (TextRules.trimToNull(address.country()) != null) {
            country = Countries.normalise(address.country());
            if (country == null) {
                violations.add(path + ".country", "must be an ISO 3166-1 alpha-2 country code such as DE or US");
            }
        }
        boolean empty = TextRules.trimToNull(address.street()) == null && TextRules.trimToNull(address.city()) == null
                && TextRules.trimToNull(address.postalCode()) == null && TextRules.trimToNull(address.country()) == null
                && TextRules.trimToNull(address.region()) == null;
        if (empty) {
            violations.add(path, "an address needs at least a street, city, region, postal code or country");
        }
        return new PostalAddress(type, street, city, region, postalCode, country);
    }
}
