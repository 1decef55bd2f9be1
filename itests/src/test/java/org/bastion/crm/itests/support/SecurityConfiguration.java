package org.bastion.crm.itests.support;

import org.osgi.framework.BundleContext;

/**
 * The security bundle's configuration (PID {@code org.bastion.crm.security}, file
 * {@code etc/org.bastion.crm.security.cfg}) through ConfigurationAdmin, with the keys the suites set.
 */
public final class SecurityConfiguration extends ManagedConfiguration {

    /** The security bundle's PID. */
    public static final String PID = "org.bastion.crm.security";

    /** The configuration file the suites edit before boot. */
    public static final String FILE = "etc/" + PID + ".cfg";

    /** Minutes a session may stay unused (contract key). */
    public static final String SESSION_IDLE_TIMEOUT_MINUTES = "sessionIdleTimeoutMinutes";

    /** Seconds a second-factor challenge stays valid (contract key). */
    public static final String MFA_CHALLENGE_SECONDS = "mfaChallengeSeconds";

    /** Failed logins from one address within the window after which it is refused (key assumed by the itests). */
    public static final String ADDRESS_FAILURES = "throttle.addressFailures";

    /** The sliding window of the per-address limit in minutes (key assumed by the itests). */
    public static final String ADDRESS_WINDOW_MINUTES = "throttle.addressWindowMinutes";

    /** The configuration as the container's ConfigurationAdmin holds it. */
    public SecurityConfiguration(BundleContext bundleContext) {
        super(bundleContext, PID);
    }
}
