package org.bastion.crm.rest.internal.caller;

import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.rest.internal.audit.RestAudit;
import org.bastion.crm.rest.internal.problem.Problem;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.bastion.crm.rest.internal.whiteboard.ApplicationResources;
import org.bastion.crm.rest.internal.whiteboard.DeclaredOperations;
import org.bastion.crm.rest.internal.whiteboard.TrackedOperations;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates every request before matching: the operations a resource declares public
 * ({@link org.bastion.crm.api.rest.PublicEndpoint}, matched on the raw path, fail closed) run as
 * {@link Caller#ANONYMOUS}; every other one is given to the {@link RequestAuthenticator}, whose caller is then bound to
 * the request thread for {@link ThreadCallerContext} and unbound after the response.
 *
 * <p>A request admitted as public by its path runs only if the resource method JAX-RS then matches is itself declared
 * public ({@link PublicMatchFilter}); otherwise it is authenticated like any other.
 *
 * <p>Refusals are problems: whatever the authenticator throws (it declares its own, e.g. 401 with a challenge); the
 * authenticator's refusal for an enrolment-only session outside the operations marked
 * {@link org.bastion.crm.api.rest.AllowedDuringEnrolment}; 503 while no authenticator is registered (never anonymous
 * access).
 *
 * <p>It also binds where the request comes from ({@link RequestClient}: address, user agent, channel {@code rest}) for
 * {@link ThreadCallerContext#client()}, and records every 401 and 403 answered ({@link RestAudit}) before unbinding.
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

    /**
     * The request property set on a request admitted as public by its path, which {@link PublicMatchFilter} then checks
     * against the resource method actually matched.
     */
    static final String PUBLIC_BY_PATH = "org.bastion.crm.rest.caller.publicByPath";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestAuthenticator authenticator;

    /** Records the denials answered; always present (this bundle's own component). */
    @Reference
    RestAudit restAudit;

    /** The servlet request being served (a thread-local proxy the JAX-RS runtime injects), for the client address. */
    @Context
    HttpServletRequest servletRequest;

    /** The operations the application's resources declare now; none until activated (nothing public). */
    volatile Supplier<DeclaredOperations> operations = () -> DeclaredOperations.NONE;

    private ApplicationResources resources;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        resources = new ApplicationResources(context);
        operations = new TrackedOperations(resources);
    }

    @Deactivate
    void deactivate() {
        operations = () -> DeclaredOperations.NONE;
        if (resources != null) {
            resources.close();
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestCaller.clear();
        RequestClient.set(ClientInfo.sanitised(remoteAddress(), request.getHeaderString(HttpHeaders.USER_AGENT),
                "rest"));
        String method = request.getMethod();
        String path = relativePath(request.getUriInfo().getRequestUri());
        DeclaredOperations declared = operations.get();
        if (declared.isPublic(method, path)) {
            RequestCaller.set(Caller.ANONYMOUS);
            request.setProperty(PUBLIC_BY_PATH, Boolean.TRUE);
            return;
        }
        Response refusal = Admission.admit(request, authenticator, remoteAddress(),
                declared.allowsDuringEnrolment(method, path));
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            int status = response.getStatus();
            RestAudit audit = restAudit;
            if ((status == 401 || status == 403) && audit != null) {
                audit.denied(status, request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                        reason(response.getEntity(), status), RequestCaller.get().orElse(Caller.ANONYMOUS),
                        RequestClient.get().orElse(null));
            }
        } finally {
            RequestCaller.clear();
            RequestClient.clear();
        }
    }

    /** The problem's code (the last part of its type), else a code of the status. */
    static String reason(Object entity, int status) {
        if (entity instanceof Problem problem && problem.type() != null) {
            return problem.type().substring(problem.type().lastIndexOf('/') + 1);
        }
        return status == 401 ? "unauthenticated" : "forbidden";
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
