package org.bastion.crm.security.internal.jaas;

import javax.security.auth.login.LoginException;

import org.bastion.crm.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Borrows the {@link Authenticator} service for one login through the bundle context in the login module's options,
 * and gives it back afterwards; a missing service or a stopped bundle is a {@link LoginException}.
 */
final class AuthenticatorLookup {

    /** The message of every login that cannot be checked because the CRM's security service is not there. */
    static final String UNAVAILABLE = "CRM console login is unavailable: the security service is not running";

    /** One use of the service. */
    @FunctionalInterface
    interface Use<T> {
        T with(Authenticator authenticator) throws LoginException;
    }

    private final BundleContext context;

    AuthenticatorLookup(BundleContext context) {
        this.context = context;
    }

    /** Runs {@code use} with the service. */
    <T> T call(Use<T> use) throws LoginException {
        if (context == null) {
            throw unavailable();
        }
        ServiceReference<Authenticator> reference;
        Authenticator authenticator;
        try {
            reference = context.getServiceReference(Authenticator.class);
            authenticator = reference == null ? null : context.getService(reference);
        } catch (IllegalStateException bundleStopped) {
            throw unavailable();
        }
        if (authenticator == null) {
            throw unavailable();
        }
        try {
            return use.with(authenticator);
        } finally {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException bundleStopped) {
                // the framework released it with the bundle
            }
        }
    }

    /** The failure of a login that cannot be checked; no stack trace, as Karaf's web console logs it whole. */
    private static LoginException unavailable() {
        LoginException error = new LoginException(UNAVAILABLE);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }
}
