package org.bastion.crm.contacts.internal;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** The code in upper case, or null when it is not an ISO 3166-1 alpha-2 code. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String value = code.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(value) ? value : null;
    }
}
