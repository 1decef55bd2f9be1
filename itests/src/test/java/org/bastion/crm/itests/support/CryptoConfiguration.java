package org.bastion.crm.itests.support;

import org.osgi.framework.BundleContext;

/**
 * The crypto bundle's configuration (PID {@code org.bastion.crm.crypto}, file {@code etc/org.bastion.crm.crypto.cfg})
 * through ConfigurationAdmin.
 */
public final class CryptoConfiguration extends ManagedConfiguration {

    /** The crypto bundle's PID. */
    public static final String PID = "org.bastion.crm.crypto";

    /** The configuration as the container's ConfigurationAdmin holds it. */
    public CryptoConfiguration(BundleContext bundleContext) {
        super(bundleContext, PID);
    }
}
