package org.bastion.crm.security.internal.rest;

import java.util.List;
import java.util.Optional;

import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.TotpEnrolmentRequiredException;
import org.bastion.crm.security.internal.restrict.AddressRefusals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The REST application's authentication: {@code Authorization: Bearer <token>} of a live session ({@link BearerToken},
 * at most {@value BearerToken#MAX_LENGTH} characters), else 401 with a Bearer challenge (RFC 6750 section 3) that says
 * {@code invalid_token} when a token was sent and refused; a session restricted to TOTP enrolment is refused other
 * operations with 403 {@code totp-enrolment-required}. A request from an address an administrator refused is answered
 * 429 with {@code Retry-After}, as a throttled login is, before its token is looked at ({@link AddressRefusals}).
 */
@Component(service = RequestAuthenticator.class)
public class BearerRequestAuthenticator implements RequestAuthenticator {

    /** The channel of every request this authenticator sees. */
    static final String CHANNEL = "rest";

    static final String NO_TOKEN = "Authentication required: send the session token as 'Authorization: Bearer <token>'"
            + " (POST /api/v1/auth/login gives one).";
    static final String BAD_TOKEN = "The session token is not valid or has expired: log in again.";

    private final Authenticator authenticator;
    private final AddressRefusals refusals;

    @Activate
    public BearerRequestAuthenticator(@Reference Authenticator authenticator, @Reference AddressRefusals refusals) {
        this.authenticator = authenticator;
        this.refusals = refusals;
    }

    /** Without address refusals (tests of the token handling alone). */
    public BearerRequestAuthenticator(Authenticator authenticator) {
        this(authenticator, null);
    }

    @Override
    public AuthenticatedRequest authenticate(List<String> authorization, String remoteAddress, String userAgent) {
        if (refusals != null) {
            refusals.check(remoteAddress);
        }
        BearerToken bearer = BearerToken.of(authorization);
        if (bearer.token().isEmpty()) {
            throw new AuthenticationException(bearer.schemeSent() ? BAD_TOKEN : NO_TOKEN, bearer.schemeSent());
        }
        Optional<AuthenticatedSession> session;
        try {
            session = authenticator.authenticate(bearer.token().get(),
                    ClientInfo.sanitised(remoteAddress, userAgent, CHANNEL));
        } catch (AuthenticationException refused) {
            throw new AuthenticationException(BAD_TOKEN, true);
        }
        if (session.isEmpty() || session.get().caller() == null) {
            throw new AuthenticationException(BAD_TOKEN, true);
        }
        return new AuthenticatedRequest(session.get().caller(),
                session.get().totpEnrolmentOnly() ? new TotpEnrolmentRequiredException() : null);
    }
}
