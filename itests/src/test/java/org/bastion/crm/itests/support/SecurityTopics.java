package org.bastion.crm.itests.support;

/**
 * The EventAdmin topics and property names of the security bundle, as {@code org.bastion.crm.api.security.SecurityEvents}
 * declares them (written before the test module compiled against crm-api; the permission checks use crm-api directly).
 */
public final class SecurityTopics {

    /** The prefix shared by every security topic. */
    public static final String PREFIX = "org/bastion/crm/security/";
    public static final String LOGIN_SUCCEEDED = PREFIX + "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = PREFIX + "LOGIN_FAILED";
    public static final String ACCOUNT_LOCKED = PREFIX + "ACCOUNT_LOCKED";
    public static final String ADDRESS_THROTTLED = PREFIX + "ADDRESS_THROTTLED";
    public static final String ACCOUNT_UNLOCKED = PREFIX + "ACCOUNT_UNLOCKED";
    public static final String SESSION_REVOKED = PREFIX + "SESSION_REVOKED";

    /** Property: the user id the event is about. */
    public static final String USER_ID = "userId";
    /** Property: the username given or concerned. */
    public static final String USERNAME = "username";
    /** Property: the client address. */
    public static final String ADDRESS = "address";
    /** Property: the client user agent. */
    public static final String USER_AGENT = "userAgent";

    private SecurityTopics() {
    }
}
