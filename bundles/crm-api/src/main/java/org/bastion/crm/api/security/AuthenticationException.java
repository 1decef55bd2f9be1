package org.bastion.crm.api.security;

import java.util.Map;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;

/**
 * The caller is not authenticated, or the credentials were not accepted; maps to HTTP 401 with a Bearer challenge
 * (RFC 6750 section 3) that says {@code error="invalid_token"} when a bearer token was sent and refused.
 */
@ProblemType(status = 401)
public class AuthenticationException extends CrmException implements ProblemHeaders {

    private static final long serialVersionUID = 1L;

    /** The one message every failed login gets, whatever the reason. */
    public static final String LOGIN_FAILED = "The username, password or code is not correct.";

    /** The realm of the API's Bearer challenge. */
    public static final String REALM = "bastion-crm";

    private final boolean invalidToken;

    public AuthenticationException(String message) {
        this(message, false);
    }

    /**
     * An authentication failure; {@code invalidToken} when the request sent a bearer token that was not accepted
     * (malformed, unknown, expired or revoked), which the challenge then says.
     */
    public AuthenticationException(String message, boolean invalidToken) {
        super(message);
        this.invalidToken = invalidToken;
    }

    /** Whether a bearer token was sent and refused. */
    public boolean invalidToken() {
        return invalidToken;
    }

    @Override
    public String code() {
        return "unauthorized";
    }

    /** The {@code WWW-Authenticate} challenge of the 401. */
    @Override
    public Map<String, String> problemHeaders() {
        return Map.of("WWW-Authenticate",
                "Bearer realm=\"" + REALM + "\"" + (invalidToken ? ", error=\"invalid_token\"" : ""));
    }
}
