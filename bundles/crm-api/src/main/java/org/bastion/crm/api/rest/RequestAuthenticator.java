package org.bastion.crm.api.rest;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides who sends a request to the REST application from its credentials; the bundle that owns authentication
 * registers it as a service, and the application's caller filter asks it for every operation that is not a
 * {@link PublicEndpoint}. While none is registered those operations answer 503 (never anonymous access).
 */
@ProviderType
public interface RequestAuthenticator {

    /**
     * The caller of a request.
     *
     * @param authorization the request's {@code Authorization} header values (empty when it sent none)
     * @param remoteAddress the connection's peer address, or null when unknown
     * @param userAgent the {@code User-Agent} header, or null
     * @return the authenticated caller
     * @throws org.bastion.crm.api.CrmException a declared problem ({@link ProblemType}, {@link ProblemHeaders}) when the
     *         credentials are missing or not accepted
     */
    AuthenticatedRequest authenticate(List<String> authorization, String remoteAddress, String userAgent);
}
