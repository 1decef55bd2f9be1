package org.bastion.crm.security.internal.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;

/**
 * Who a REST request comes from: its {@link ClientInfo} (the connection's peer address, never X-Forwarded-For, and the
 * User-Agent, control characters replaced) and the session of its bearer token.
 */
final class RestClients {

    /** The channel of every REST request. */
    static final String CHANNEL = "rest";

    static final String NOT_AUTHENTICATED = "Authentication required: send the session token as"
            + " 'Authorization: Bearer <token>'.";

    private static final Pattern BEARER = Pattern.compile("(?i:Bearer)[ \\t]+([A-Za-z0-9._~+/-]+=*)[ \\t]*");

    private RestClients() {
    }

    /** The client info of {@code request}; "unknown" address when there is no request. */
    static ClientInfo of(HttpServletRequest request) {
        if (request == null) {
            return new ClientInfo(null, null, CHANNEL);
        }
        return ClientInfo.sanitised(request.getRemoteAddr(), request.getHeader("User-Agent"), CHANNEL);
    }

    /** The bearer token of an {@code Authorization} header value, or 401. */
    static String token(String authorization) {
        Matcher matcher = authorization == null ? null : BEARER.matcher(authorization.trim());
        if (matcher == null || !matcher.matches()) {
            throw new AuthenticationException(NOT_AUTHENTICATED);
        }
        return matcher.group(1);
    }

    /**
     * The session of the request's bearer token, resolved again (the REST layer's filter already admitted it; this
     * tells its id), or 401 when it ended in between.
     */
    static AuthenticatedSession session(Authenticator authenticator, String authorization, ClientInfo client) {
        return authenticator.authenticate(token(authorization), client)
                .orElseThrow(() -> new AuthenticationException(NOT_AUTHENTICATED));
    }
}
