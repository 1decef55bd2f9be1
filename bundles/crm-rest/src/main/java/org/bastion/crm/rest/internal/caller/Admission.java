package org.bastion.crm.rest.internal.caller;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.bastion.crm.rest.internal.problem.ExceptionProblems;

/**
 * Admits a request that needs a session: asks the {@link RequestAuthenticator} and binds its caller to the request
 * thread, or gives the refusal to answer (never anonymous access).
 */
final class Admission {

    static final String NO_AUTHENTICATOR = "Authentication is not available right now; try again later.";

    private Admission() {
    }

    /**
     * Binds the caller of {@code request} and returns null, or returns the problem to abort with: the authenticator's
     * declared refusal, its refusal outside enrolment unless {@code enrolmentAllowed}, 503 without an authenticator, a
     * 500 for any other failure.
     */
    static Response admit(ContainerRequestContext request, RequestAuthenticator authenticator, String remoteAddress,
            boolean enrolmentAllowed) {
        RequestCaller.clear();
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        if (authenticator == null) {
            return ExceptionProblems.toResponse(new ServiceUnavailableException(NO_AUTHENTICATOR), instance);
        }
        AuthenticatedRequest authenticated;
        try {
            List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
            authenticated = authenticator.authenticate(authorization == null ? List.of() : List.copyOf(authorization),
                    remoteAddress, request.getHeaderString(HttpHeaders.USER_AGENT));
            if (authenticated == null) {
                throw new IllegalStateException("The request authenticator answered no caller");
            }
        } catch (RuntimeException refused) {
            return ExceptionProblems.toResponse(refused, instance);
        }
        if (authenticated.enrolmentOnly() && !enrolmentAllowed) {
            return ExceptionProblems.toResponse(authenticated.outsideEnrolment(), instance);
        }
        RequestCaller.set(authenticated.caller());
        return null;
    }
}
