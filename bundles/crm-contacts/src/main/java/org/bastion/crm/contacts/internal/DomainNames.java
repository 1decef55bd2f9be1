package org.bastion.crm.contacts.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises internet domain names: ASCII (IDNs converted), lower case, at least two labels. */
public final class DomainNames {

    /** The longest domain name DNS allows. */
    public static final int MAX_LENGTH = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private DomainNames() {
    }

    /** The domain in lower-case ASCII, or null when it is not a syntactically valid domain name. */
    public static String normalise(String domain) {
        if (domain == null) {
            return null;
        }
        String value = domain.strip();
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        try {
            value = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            return null;
        }
        String[] labels = value.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return value;
    }
}
