package org.bastion.crm.rest.internal.caller;

import java.util.Optional;

import org.bastion.crm.api.Caller;

/** Holds the caller of the HTTP request the current thread is serving, between the request and response filters. */
public final class RequestCaller {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private RequestCaller() {
    }

    /** Binds {@code caller} to the current thread. */
    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    /** The caller bound to the current thread, if a request is being served on it. */
    public static Optional<Caller> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Unbinds the caller, so a pooled thread does not carry it to unrelated work. */
    public static void clear() {
        CURRENT.remove();
    }
}
