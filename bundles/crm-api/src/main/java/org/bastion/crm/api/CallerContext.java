package org.bastion.crm.api;

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
}
