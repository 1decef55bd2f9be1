package org.bastion.crm.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells a service who the current caller is; the REST layer, the shell and (later) the security bundle fill it in.
 */
@ProviderType
public interface CallerContext {

    /** The caller on whose behalf the current thread works; never null ({@link Caller#ANONYMOUS} when unknown). */
    Caller current();
}
