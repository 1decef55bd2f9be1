package org.bastion.crm.rest.internal.request;

/** Tells whether a raw request path or query is well percent-encoded: every {@code %} followed by two hex digits. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** Whether every {@code %} in {@code raw} (null counts as well-formed) starts a {@code %XX} escape. */
    static boolean isWellFormed(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
