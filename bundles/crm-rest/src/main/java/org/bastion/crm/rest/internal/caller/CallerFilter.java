package org.bastion.crm.rest.internal.caller;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.TotpEnrolmentRequiredException;
import org.bastion.crm.rest.internal.problem.AuthenticationProblems;
import org.bastion.crm.rest.internal.problem.ExceptionProblems;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates every request before matching: public operations ({@link AccessRules}) run as
 * {@link Caller#ANONYMOUS}; every other one needs {@code Authorization: Bearer <token>} of a live session, whose
 * caller is then bound to the request thread for {@link ThreadCallerContext} and unbound after the response.
 *
 * <p>Refusals are problems: 401 with a Bearer challenge for a missing, malformed, unknown or expired token; 403 when
 * a session restricted to TOTP enrolment asks for anything else; 503 while no {@link Authenticator} is registered
 * (never anonymous access).
 */
// immediate: one instance for as long as it is satisfied. The whiteboard "refreshes" (ungets and gets again) every
// extension on each rebuild of the application; a delayed component would be deactivated by that unget, its
// authenticator unbound under requests still running on the old server (503, docs/adr/0014)
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, immediate = true)
@JaxrsExtension
@JaxrsName("bastion-crm-caller")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The channel of every request this filter sees. */
    static final String CHANNEL = "rest";

    static final String NO_TOKEN = "Authentication required: send the session token as 'Authorization: Bearer <token>'"
            + " (POST /api/v1/auth/login gives one).";
    static final String BAD_TOKEN = "The session token is not valid or has expired: log in again.";
    static final String NO_AUTHENTICATOR = "Authentication is not available right now; try again later.";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Authenticator authenticator;

    /** The servlet request being served (a thread-local proxy the JAX-RS runtime injects), for the client address. */
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestCaller.clear();
        String method = request.getMethod();
        String path = relativePath(request.getUriInfo().getRequestUri());
        if (AccessRules.isPublic(method, path)) {
            RequestCaller.set(Caller.ANONYMOUS);
            return;
        }
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        Authenticator current = authenticator;
        if (current == null) {
            request.abortWith(ExceptionProblems.toResponse(new ServiceUnavailableException(NO_AUTHENTICATOR), instance));
            return;
        }
        BearerToken bearer = BearerToken.of(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (bearer.token().isEmpty()) {
            request.abortWith(AuthenticationProblems.unauthorized(
                    bearer.schemeSent() ? BAD_TOKEN : NO_TOKEN, bearer.schemeSent(), instance));
            return;
        }
        Optional<AuthenticatedSession> session;
        try {
            session = current.authenticate(bearer.token().get(), clientInfo(request));
        } catch (AuthenticationException refused) {
            request.abortWith(AuthenticationProblems.unauthorized(BAD_TOKEN, true, instance));
            return;
        } catch (RuntimeException e) {
            request.abortWith(ExceptionProblems.toResponse(e, instance));
            return;
        }
        if (session.isEmpty() || session.get().caller() == null) {
            request.abortWith(AuthenticationProblems.unauthorized(BAD_TOKEN, true, instance));
            return;
        }
        if (session.get().totpEnrolmentOnly() && !AccessRules.allowsDuringEnrolment(method, path)) {
            request.abortWith(ExceptionProblems.toResponse(new TotpEnrolmentRequiredException(), instance));
            return;
        }
        RequestCaller.set(session.get().caller());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestCaller.clear();
    }

    /** Where {@code request} comes from: the connection's peer address (never X-Forwarded-For) and its User-Agent. */
    ClientInfo clientInfo(ContainerRequestContext request) {
        return ClientInfo.sanitised(remoteAddress(), request.getHeaderString(HttpHeaders.USER_AGENT), CHANNEL);
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideAServletRequest) {
            // the proxy has nothing to delegate to (a non-servlet transport): the address is unknown
            return null;
        }
    }

    /**
     * The raw (never decoded) request path after {@code /api/v1/}, e.g. {@code auth/login}; null when the request is
     * not under the application's base path. Taken from the request URI itself rather than from {@code
     * UriInfo.getPath}, whose base depends on how the whiteboard mounted the application.
     */
    static String relativePath(java.net.URI requestUri) {
        String raw = requestUri == null ? null : requestUri.getRawPath();
        String prefix = CrmRest.BASE_PATH + "/";
        return raw != null && raw.startsWith(prefix) ? raw.substring(prefix.length()) : null;
    }
}
