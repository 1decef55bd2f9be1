package org.bastion.crm.security.internal.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bearer token of an {@code Authorization} header (RFC 6750 section 2.1): the scheme {@code Bearer} (any
 * case), spaces, then a b64token of at most {@value #MAX_LENGTH} characters.
 *
 * @param schemeSent whether the request used the Bearer scheme at all (then a refusal says {@code invalid_token})
 * @param token the token, when the one header is well formed
 */
public record BearerToken(boolean schemeSent, Optional<String> token) {

    /** The longest token accepted; session tokens are far shorter (256 bits in base64url is 43 characters). */
    static final int MAX_LENGTH = 512;

    private static final Pattern HEADER = Pattern.compile("(?i:Bearer) +([A-Za-z0-9._~+/-]+=*) *");

    private static final Pattern SCHEME = Pattern.compile("(?i:Bearer)(?:[ \\t].*)?", Pattern.DOTALL);

    /** The outcome for the values of every {@code Authorization} header of a request (null or empty: none). */
    public static BearerToken of(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return new BearerToken(false, Optional.empty());
        }
        boolean bearer = headerValues.stream().anyMatch(value -> value != null && SCHEME.matcher(value.trim()).matches());
        if (headerValues.size() != 1 || headerValues.get(0) == null) {
            return new BearerToken(bearer, Optional.empty());
        }
        Matcher matcher = HEADER.matcher(headerValues.get(0).trim());
        if (!matcher.matches() || matcher.group(1).length() > MAX_LENGTH) {
            return new BearerToken(bearer, Optional.empty());
        }
        return new BearerToken(true, Optional.of(matcher.group(1)));
    }

    @Override
    public String toString() {
        return "BearerToken[schemeSent=" + schemeSent + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
}
