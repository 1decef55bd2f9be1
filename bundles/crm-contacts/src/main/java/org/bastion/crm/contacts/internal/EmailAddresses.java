package org.bastion.crm.contacts.internal;

import java.util.regex.Pattern;

/**
 * Checks e-mail addresses against a pragmatic subset of RFC 5322 (a dot-atom local part, a DNS domain) and lower-cases
 * the domain; the local part keeps its case, since servers may treat it as significant.
 */
public final class EmailAddresses {

    /** The longest address that fits an SMTP path (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*");

    private EmailAddresses() {
    }

    /** The normalised address, or null when it is not a valid address. */
    public static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String value = address.strip();
        int at = value.lastIndexOf('@');
        if (value.length() > MAX_LENGTH || at < 1 || at == value.length() - 1) {
            return null;
        }
        String local = value.substring(0, at);
        if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()) {
            return null;
        }
        String domain = DomainNames.normalise(value.substring(at + 1));
        if (domain == null || value.substring(at + 1).endsWith(".")) {
            return null;
        }
        String result = local + "@" + domain;
        return result.length() > MAX_LENGTH ? null : result;
    }
}
