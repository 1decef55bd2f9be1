package org.bastion.crm.security.internal.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Single-use recovery codes for users who lost their authenticator: generation, normalisation, hashing and matching.
 *
 * <p>Each code is 10 characters from a 32-character alphabet (Crockford's: no i, l, o or u; on input o reads as 0 and i or l
 * as 1), 50 random bits, shown as {@code xxxx-xxxx-xx}. Only hashes are stored, each as {@code salt:SHA-256(salt || code)}.
 * A fast hash is enough here, unlike for passwords: a password is chosen by a person and is guessed from a short list of
 * likely ones, which only a slow hash such as argon2id holds back, whereas a recovery code is uniformly random, so an
 * attacker holding a stored hash must try some 2^49 codes on average for that single code (the per-code salt stops one
 * guess from testing every stored code at once and rules out precomputed tables), while a recovered code is used once,
 * is worth nothing without the user's argon2id-protected password, and is replaced when the user generates a new set.
 */
public final class RecoveryCodes {

    /** Number of codes in a set. */
    public static final int CODES_PER_SET = 10;
    /** Number of significant characters in a code. */
    public static final int CODE_LENGTH = 10;

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int SALT_BYTES = 16;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final SecureRandom random;

    public RecoveryCodes(SecureRandom random) {
        this.random = random;
    }

    public RecoveryCodes() {
        this(new SecureRandom());
    }

    /** A new set of {@value #CODES_PER_SET} distinct codes, formatted for display as {@code xxxx-xxxx-xx}. */
    public List<String> generate() {
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        while (codes.size() < CODES_PER_SET) {
            StringBuilder code = new StringBuilder(CODE_LENGTH + 2);
            for (int i = 0; i < CODE_LENGTH; i++) {
                if (i == 4 || i == 8) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String formatted = code.toString();
            if (!codes.contains(formatted)) {
                codes.add(formatted);
            }
        }
        return List.copyOf(codes);
    }

    /** The stored form of a code: a fresh random salt and the SHA-256 of salt and normalised code. */
    public String hash(String code) {
        String normalised = normalise(code)
                .orElseThrow(() -> new IllegalArgumentException("not a recovery code"));
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return BASE64.encodeToString(salt) + ":" + BASE64.encodeToString(digest(salt, normalised));
    }

    /** The stored forms of several codes, in the same order. */
    public List<String> hashAll(List<String> codes) {
        return codes.stream().map(this::hash).toList();
    }

    /**
     * The position in {@code storedHashes} of the hash the entered code matches, or empty; every stored hash is compared
     * (in constant time) whatever the outcome. The caller removes the matched hash so that the code cannot be used again.
     */
    public static OptionalInt match(String enteredCode, List<String> storedHashes) {
        Optional<String> normalised = normalise(enteredCode);
        if (normalised.isEmpty() || storedHashes == null) {
            return OptionalInt.empty();
        }
        int found = -1;
        for (int i = 0; i < storedHashes.size(); i++) {
            if (matches(normalised.get(), storedHashes.get(i)) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    /**
     * The canonical form of an entered code: lower case, without dashes or whitespace, with o read as 0 and i or l as 1;
     * empty if the result is not {@value #CODE_LENGTH} characters of the alphabet.
     */
    public static Optional<String> normalise(String enteredCode) {
        if (enteredCode == null || enteredCode.length() > 4 * CODE_LENGTH) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(CODE_LENGTH);
        for (char c : enteredCode.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'o' -> '0';
                case 'i', 'l' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            out.append(read);
        }
        return out.length() == CODE_LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean matches(String normalisedCode, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        int colon = storedHash.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            byte[] salt = BASE64_DECODER.decode(storedHash.substring(0, colon));
            byte[] expected = BASE64_DECODER.decode(storedHash.substring(colon + 1));
            return MessageDigest.isEqual(expected, digest(salt, normalisedCode));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String normalisedCode) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(normalisedCode.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
