package org.bastion.crm.api;

import org.bastion.crm.api.security.ClientInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells a service who the current caller is. crm-rest provides it: the caller of the HTTP request served on this thread
 * (the bearer session crm-security resolved), else the user of the JAAS subject a Karaf shell command runs under (a
 * console login through crm-security, or the local console's Karaf user), else {@link Caller#ANONYMOUS}.
 */
@ProviderType
public interface CallerContext {

    /** The caller on whose behalf the current thread works; never null ({@link Caller#ANONYMOUS} when unknown). */
    Caller current();

    /**
     * Where the current caller's request comes from: the HTTP client's address and user agent with channel
     * {@code rest}, the SSH client's address with channel {@code ssh}, channel {@code console} for the local console;
     * channel {@code system} and address {@code unknown} on a thread that serves no request.
     */
    default ClientInfo client() {
        return new ClientInfo("unknown", "", "system");
    }
}
