package org.bastion.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One word of a search text: lower-cased for name and e-mail matching, and, when it looks like a telephone number,
 * its digits without leading zeros or {@code +} (so {@code 030 1234} finds {@code +49301234}).
 *
 * @param lower the word in lower case
 * @param phoneDigits the digits to look for in phone numbers, or null when the word is no number
 */
public record SearchWord(String lower, String phoneDigits) {

    /** The longest search text accepted. */
    public static final int MAX_TEXT = 200;

    /** Words beyond this many are ignored. */
    public static final int MAX_WORDS = 8;

    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?[0-9().\\-/]+");

    /**
     * Splits a search text into words; null or blank gives none, and a text that looks like one telephone number
     * (such as {@code 030 123 45}) stays one word.
     *
     * @throws org.bastion.crm.api.ValidationException on field {@code text} when the text is too long
     */
    public static List<SearchWord> parse(String text) {
        String value = TextRules.trimToNull(text);
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_TEXT) {
            throw org.bastion.crm.api.ValidationException.of("text", "must be at most " + MAX_TEXT + " characters");
        }
        String compact = value.replaceAll("\\s+", "");
        if (phoneDigits(compact) != null) {
            return List.of(new SearchWord(compact.toLowerCase(Locale.ROOT), phoneDigits(compact)));
        }
        List<SearchWord> words = new ArrayList<>();
        for (String word : value.split("\\s+")) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            words.add(new SearchWord(word.toLowerCase(Locale.ROOT), phoneDigits(word)));
        }
        return words;
    }

    private static String phoneDigits(String word) {
        if (!NUMBER_LIKE.matcher(word).matches()) {
            return null;
        }
        String digits = word.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.length() >= 3 ? digits : null;
    }
}
