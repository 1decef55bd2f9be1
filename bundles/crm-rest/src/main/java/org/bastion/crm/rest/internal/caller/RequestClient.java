package org.bastion.crm.rest.internal.caller;

import java.util.Optional;

import org.bastion.crm.api.security.ClientInfo;

/** Holds where the HTTP request the current thread is serving comes from, between the request and response filters. */
public final class RequestClient {

    private static final ThreadLocal<ClientInfo> CURRENT = new ThreadLocal<>();

    private RequestClient() {
    }

    /** Binds {@code client} to the current thread. */
    public static void set(ClientInfo client) {
        CURRENT.set(client);
    }

    /** The client bound to the current thread, if a request is being served on it. */
    public static Optional<ClientInfo> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Unbinds the client, so a pooled thread does not carry it to unrelated work. */
    public static void clear() {
        CURRENT.remove();
    }
}
