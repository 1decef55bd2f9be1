package org.bastion.crm.contacts.internal;

import java.util.regex.Pattern;

/**
 * Normalises telephone numbers towards E.164: drops spaces, dots, dashes, slashes and parentheses, turns an international
 * {@code 00} prefix into {@code +}, and gives national numbers (leading {@code 0}) the configured default calling code.
 */
public final class PhoneNumbers {

    /** E.164 allows at most 15 digits; fewer than 4 is no telephone number. */
    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 15;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/()]");
    private static final Pattern CALLING_CODE = Pattern.compile("\\+?[1-9][0-9]{0,2}");

    private final String defaultCallingCode;

    /**
     * @param defaultCallingCode the country calling code for national numbers, such as {@code 49} or {@code +49};
     *                           null or blank for none (national numbers are then kept as digits)
     * @throws IllegalArgumentException when the code is not 1 to 3 digits
     */
    public PhoneNumbers(String defaultCallingCode) {
        String code = TextRules.trimToNull(defaultCallingCode);
        if (code != null && !CALLING_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a default calling code is 1 to 3 digits, such as 49 or +1: " + code);
        }
        this.defaultCallingCode = code == null ? null : code.replace("+", "");
    }

    /** The outcome of normalising one number: the number, or why it was refused. */
    public record Result(String number, String error) {

        public boolean valid() {
            return error == null;
        }
    }

    /** Normalises one number. */
    public Result normalise(String raw) {
        String value = TextRules.trimToNull(raw);
        if (value == null) {
            return new Result(null, "is required");
        }
        if (value.chars().anyMatch(Character::isLetter)) {
            return new Result(null, "must not contain letters");
        }
        String compact = SEPARATORS.matcher(value).replaceAll("");
        boolean international = compact.startsWith("+");
        String digits = international ? compact.substring(1) : compact;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Result(null, "may contain only digits, a leading +, spaces, dots, dashes, slashes and parentheses");
        }
        if (!international && digits.startsWith("00")) {
            international = true;
            digits = digits.substring(2);
        } else if (!international && digits.startsWith("0") && defaultCallingCode != null) {
            international = true;
            digits = defaultCallingCode + digits.substring(1);
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return new Result(null, "must have between " + MIN_DIGITS + " and " + MAX_DIGITS + " digits");
        }
        if (international && digits.startsWith("0")) {
            return new Result(null, "an international number cannot start with 0 after the country prefix");
        }
        return new Result(international ? "+" + digits : digits, null);
    }
}
