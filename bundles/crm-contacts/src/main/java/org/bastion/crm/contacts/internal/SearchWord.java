package org.bastion.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.BlindIndexTerms;

/**
 * One word of a contact search, as the terms it must match in one blind-index domain of {@link ContactIndexTerms}
 * (the fields are encrypted, so matching is exact on normalised terms, never on substrings): a word with {@code @}
 * matches a whole e-mail address; a number-like word is normalised like stored phone numbers and matches a whole
 * number; any other word matches a word of the first or last name or the start of one (at least
 * {@value BlindIndexTerms#MIN_PREFIX} characters; a word longer than {@value BlindIndexTerms#MAX_PREFIX} characters
 * matches whole name words only). Every word of a search must match.
 *
 * @param domain the blind-index domain the word is looked up in
 * @param terms the normalised terms, all of which must be found in the domain: one, except for a name word that
 *              normalises to several (such as {@code o'brien}: {@code o} and {@code brien})
 */
public record SearchWord(String domain, List<String> terms) {

    /** The longest search text accepted. */
    public static final int MAX_TEXT = 200;

    /** Words beyond this many are ignored. */
    public static final int MAX_WORDS = 8;

    /** The message of a search word too short to look up. */
    public static final String TOO_SHORT = "each search word needs at least " + BlindIndexTerms.MIN_PREFIX + " characters";

    /** The message of a word with {@code @} that is no valid e-mail address. */
    public static final String NOT_AN_ADDRESS = "a word with @ must be a whole e-mail address (addresses match exactly)";

    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?[0-9().\\-/]+");

    public SearchWord {
        terms = List.copyOf(terms);
    }

    /**
     * The words of a contact search text; null or blank gives none.
     *
     * @param phoneNumbers the normalisation the service applies to stored phone numbers
     * @throws ValidationException on field {@code text} when the text is too long, a plain word has fewer than
     *         {@value BlindIndexTerms#MIN_PREFIX} letters or digits (a word without any is ignored), or a word with
     *         {@code @} is no e-mail address
     */
    public static List<SearchWord> parse(String text, PhoneNumbers phoneNumbers) {
        List<SearchWord> words = new ArrayList<>();
        for (String word : split(text)) {
            of(word, phoneNumbers).ifPresent(words::add);
        }
        return words;
    }

    /**
     * Splits a search text at white space into at most {@value #MAX_WORDS} words as typed; null or blank gives none.
     * Neighbouring number-like words are joined, so that a telephone number typed with spaces (such as
     * {@code +44 20 7946 0018}) stays one word. Companies match these words, lower-cased, anywhere in their
     * (plaintext) name or domain.
     *
     * @throws ValidationException on field {@code text} when the text is too long
     */
    public static List<String> split(String text) {
        String value = TextRules.trimToNull(text);
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_TEXT) {
            throw ValidationException.of("text", "must be at most " + MAX_TEXT + " characters");
        }
        List<String> words = new ArrayList<>();
        boolean previousIsNumber = false;
        for (String word : value.split("\\s+")) {
            boolean number = NUMBER_LIKE.matcher(word).matches();
            if (number && previousIsNumber) {
                words.set(words.size() - 1, words.get(words.size() - 1) + word);
            } else if (words.size() < MAX_WORDS) {
                words.add(word);
            } else {
                break;
            }
            previousIsNumber = number;
        }
        return words;
    }

    /** The word's terms; none for a word of punctuation only (such as a dash between two names). */
    private static Optional<SearchWord> of(String word, PhoneNumbers phoneNumbers) {
        if (word.indexOf('@') >= 0) {
            String address = EmailAddresses.normalise(word);
            if (address == null) {
                throw ValidationException.of("text", NOT_AN_ADDRESS);
            }
            return Optional.of(new SearchWord(ContactIndexTerms.EMAIL, List.of(ContactIndexTerms.email(address))));
        }
        if (NUMBER_LIKE.matcher(word).matches()) {
            PhoneNumbers.Result number = phoneNumbers.normalise(word);
            if (number.valid()) {
                return Optional.of(new SearchWord(ContactIndexTerms.PHONE, List.of(ContactIndexTerms.phone(number.number()))));
            }
        }
        List<String> terms = List.copyOf(BlindIndexTerms.words(word));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        if (terms.stream().mapToInt(String::length).sum() < BlindIndexTerms.MIN_PREFIX) {
            throw ValidationException.of("text", TOO_SHORT);
        }
        return Optional.of(new SearchWord(ContactIndexTerms.NAME, terms));
    }
}
