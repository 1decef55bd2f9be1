package org.bastion.crm.api.crypto;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalisation every bundle applies before asking for {@link BlindToken}s, so that writes and searches agree:
 * lower case, accents removed, words split on anything that is not a letter or digit.
 */
public final class BlindIndexTerms {

    /** The shortest prefix of a word that is indexed (and so the shortest search word that can match). */
    public static final int MIN_PREFIX = 3;

    /** Prefixes longer than this are not indexed separately; longer search words match on the whole word only. */
    public static final int MAX_PREFIX = 16;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private BlindIndexTerms() {
    }

    /** {@code text} in lower case, without accents or surrounding space (so {@code Müller} gives {@code muller}). */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.trim(), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The normalised words of {@code text}. */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(normalise(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The terms to index for a name-like text: each normalised word, and each of its prefixes of
     * {@value #MIN_PREFIX} to {@value #MAX_PREFIX} characters.
     */
    public static Set<String> wordsAndPrefixes(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(text)) {
            terms.add(word);
            for (int length = MIN_PREFIX; length < word.length() && length <= MAX_PREFIX; length++) {
                terms.add(word.substring(0, length));
            }
        }
        return terms;
    }

    /**
     * Whether a normalised search word can match through the index: it has at least {@value #MIN_PREFIX}
     * characters. Words longer than {@value #MAX_PREFIX} characters match whole indexed words only.
     */
    public static boolean searchable(String normalisedWord) {
        return normalisedWord != null && normalisedWord.length() >= MIN_PREFIX;
    }
}
