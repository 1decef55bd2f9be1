package org.bastion.crm.api.security;

/**
 * The EventAdmin topics and property names the security bundle publishes; the audit bundle records them. Events never
 * carry passwords, codes, tokens or secrets.
 */
public final class SecurityEvents {

    /** The prefix shared by every security topic. */
    public static final String TOPIC_PREFIX = "org/bastion/crm/security/";
    /** Subscribe to every security event. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";

    public static final String LOGIN_SUCCEEDED = TOPIC_PREFIX + "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = TOPIC_PREFIX + "LOGIN_FAILED";
    public static final String ACCOUNT_LOCKED = TOPIC_PREFIX + "ACCOUNT_LOCKED";
    public static final String ADDRESS_THROTTLED = TOPIC_PREFIX + "ADDRESS_THROTTLED";
    public static final String ACCOUNT_UNLOCKED = TOPIC_PREFIX + "ACCOUNT_UNLOCKED";
    public static final String LOGGED_OUT = TOPIC_PREFIX + "LOGGED_OUT";
    public static final String SESSION_REVOKED = TOPIC_PREFIX + "SESSION_REVOKED";
    public static final String TOTP_ENABLED = TOPIC_PREFIX + "TOTP_ENABLED";
    public static final String TOTP_DISABLED = TOPIC_PREFIX + "TOTP_DISABLED";
    public static final String TOTP_RESET = TOPIC_PREFIX + "TOTP_RESET";
    public static final String RECOVERY_CODE_USED = TOPIC_PREFIX + "RECOVERY_CODE_USED";
    public static final String PASSWORD_CHANGED = TOPIC_PREFIX + "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = TOPIC_PREFIX + "PASSWORD_RESET";
    public static final String USER_CREATED = TOPIC_PREFIX + "USER_CREATED";
    public static final String USER_DISABLED = TOPIC_PREFIX + "USER_DISABLED";
    public static final String USER_ENABLED = TOPIC_PREFIX + "USER_ENABLED";

    /** Property: the user id the event is about (absent for unknown usernames). */
    public static final String USER_ID = "userId";
    /** Property: the username given or concerned (as typed for failed logins, cut to 64 characters). */
    public static final String USERNAME = "username";
    /** Property: the client address. */
    public static final String ADDRESS = "address";
    /** Property: the client user agent. */
    public static final String USER_AGENT = "userAgent";
    /** Property: the channel ({@link ClientInfo#channel()}). */
    public static final String CHANNEL = "channel";
    /** Property: why a login failed, for the audit trail only (never sent to the client). */
    public static final String REASON = "reason";
    /** Property: the session id concerned. */
    public static final String SESSION_ID = "sessionId";
    /** Property: the id of the user who made the change (an administrator, or the user). */
    public static final String ACTOR = "actor";
    /** Property: until when an account or address is held back (an ISO-8601 instant). */
    public static final String LOCKED_UNTIL = "lockedUntil";
    /** Property: the event time (epoch milliseconds, {@code Long}). */
    public static final String TIMESTAMP = "timestamp";

    private SecurityEvents() {
    }
}
