package org.bastion.crm.api.security;

/** Whether a user may log in: active, temporarily locked by the brute-force defence, or disabled by an administrator. */
public enum UserStatus {
    /** The user may log in. */
    ACTIVE,
    /** Too many failed logins: refused until the lock expires or an administrator unlocks the account. */
    LOCKED,
    /** Switched off by an administrator: refused until enabled again; the user's sessions are ended. */
    DISABLED
}
