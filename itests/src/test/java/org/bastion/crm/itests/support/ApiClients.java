package org.bastion.crm.itests.support;

import java.util.function.Supplier;

/**
 * Makes clients of the CRM's API: anonymous ones, and ones that send a session token with every request.
 */
public final class ApiClients {

    private final Supplier<CrmApi> factory;

    /** Clients made by {@code factory} (each call a new, anonymous client of the container under test). */
    public ApiClients(Supplier<CrmApi> factory) {
        this.factory = factory;
    }

    /** A client that sends no Authorization header. */
    public CrmApi anonymous() {
        return factory.get();
    }

    /** A client that sends {@code Authorization: Bearer <token>} with every request. */
    public CrmApi withToken(String token) {
        return factory.get().useBearer(token);
    }
}
