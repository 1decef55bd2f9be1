package org.bastion.crm.rest.internal.problem;

import java.time.Duration;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.security.AuthenticationException;

/**
 * The headers and responses of authentication failures: 401 with a Bearer challenge (RFC 6750 section 3) and 429
 * with {@code Retry-After} in whole seconds.
 */
public final class AuthenticationProblems {

    /** The realm of the API's Bearer challenge. */
    public static final String REALM = "bastion-crm";

    private AuthenticationProblems() {
    }

    /**
     * The 401 problem with {@code detail}; {@code invalidToken} when the request sent a bearer token that was not
     * accepted (malformed, unknown, expired or revoked), which the challenge then says.
     */
    public static Response unauthorized(String detail, boolean invalidToken, String instance) {
        Problem problem = ExceptionProblems.ofCrm(new AuthenticationException(detail), instance);
        return ProblemResponses.toResponse(problem, challenge(invalidToken));
    }

    /** The {@code WWW-Authenticate} header of a 401. */
    static MultivaluedMap<String, Object> challenge(boolean invalidToken) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"" + REALM + "\"" + (invalidToken ? ", error=\"invalid_token\"" : ""));
        return headers;
    }

    /** The {@code Retry-After} header for a wait of {@code wait}: whole seconds rounded up, at least 1. */
    static MultivaluedMap<String, Object> retryAfter(Duration wait) {
        long seconds = 1;
        if (wait != null && !wait.isNegative()) {
            seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        }
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Retry-After", String.valueOf(seconds));
        return headers;
    }
}
