package org.bastion.crm.security.internal.login;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a console password field, the password immediately followed by a second factor, into the ways it can be read:
 * a trailing 6-digit TOTP code, or a trailing recovery code ({@code xxxx-xxxx-xx} or its 10 characters without dashes).
 * The readings depend on the text alone, never on the user, so every user costs the same number of password checks.
 */
public final class ConsoleCredentials {

    /** One way to read the field. */
    public record Reading(String password, String code) {

        @Override
        public String toString() {
            return "Reading[***]";
        }
    }

    private static final Pattern TOTP = Pattern.compile("\\d{6}");
    private static final Pattern RECOVERY_DASHED = Pattern.compile("[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{2}");
    private static final Pattern RECOVERY_PLAIN = Pattern.compile("[0-9A-Za-z]{10}");

    private ConsoleCredentials() {
    }

    /** The readings of {@code field}, most likely first; empty when it cannot hold a password and a code. */
    public static List<Reading> readings(String field) {
        List<Reading> readings = new ArrayList<>(3);
        if (field == null) {
            return readings;
        }
        addIf(readings, field, 6, TOTP);
        addIf(readings, field, 12, RECOVERY_DASHED);
        addIf(readings, field, 10, RECOVERY_PLAIN);
        return readings;
    }

    private static void addIf(List<Reading> readings, String field, int codeLength, Pattern shape) {
        if (field.length() <= codeLength) {
            return;
        }
        String code = field.substring(field.length() - codeLength);
        if (shape.matcher(code).matches()) {
            readings.add(new Reading(field.substring(0, field.length() - codeLength), code));
        }
    }
}
