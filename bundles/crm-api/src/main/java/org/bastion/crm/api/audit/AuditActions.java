package org.bastion.crm.api.audit;

/**
 * The stable action names the CRM's own bundles record, listed with their meaning in {@code docs/audit.md}. A
 * vendor's bundle records its own under its records' name ({@code deal.created}).
 */
public final class AuditActions {

    public static final String LOGIN_SUCCEEDED = "auth.login.succeeded";
    public static final String LOGIN_FAILED = "auth.login.failed";
    public static final String MFA_PASSED = "auth.mfa.passed";
    public static final String MFA_FAILED = "auth.mfa.failed";
    public static final String ACCOUNT_LOCKED = "auth.account.locked";
    public static final String ACCOUNT_UNLOCKED = "auth.account.unlocked";
    public static final String ADDRESS_THROTTLED = "auth.address.throttled";
    public static final String LOGOUT = "auth.logout";
    public static final String SESSION_REVOKED = "auth.session.revoked";
    public static final String SESSION_EXPIRED = "auth.session.expired";
    public static final String PASSWORD_CHANGED = "auth.password.changed";
    public static final String PASSWORD_RESET = "auth.password.reset";
    public static final String TOTP_ENROLLED = "auth.totp.enrolled";
    public static final String TOTP_REMOVED = "auth.totp.removed";
    public static final String TOTP_RESET = "auth.totp.reset";
    public static final String RECOVERY_CODE_USED = "auth.recovery-code.used";

    public static final String USER_CREATED = "user.created";
    public static final String USER_DISABLED = "user.disabled";
    public static final String USER_ENABLED = "user.enabled";
    public static final String USER_ROLES_CHANGED = "user.roles.changed";
    public static final String ROLE_CREATED = "role.created";
    public static final String ROLE_UPDATED = "role.updated";
    public static final String ROLE_DELETED = "role.deleted";
    public static final String TEAM_CREATED = "team.created";
    public static final String TEAM_UPDATED = "team.updated";
    public static final String TEAM_DELETED = "team.deleted";
    public static final String TEAM_MEMBER_ADDED = "team.member.added";
    public static final String TEAM_MEMBER_REMOVED = "team.member.removed";
    public static final String KEY_UNLOCKED = "key.unlocked";
    public static final String KEY_LOCKED = "key.locked";
    public static final String KEY_ROTATION_STARTED = "key.rotation.started";
    public static final String KEY_ROTATION_FINISHED = "key.rotation.finished";
    public static final String CONFIGURATION_CHANGED = "config.changed";
    public static final String CONFIGURATION_DELETED = "config.deleted";
    public static final String FEATURE_INSTALLED = "feature.installed";
    public static final String FEATURE_UNINSTALLED = "feature.uninstalled";
    public static final String BUNDLE_INSTALLED = "bundle.installed";
    public static final String BUNDLE_UNINSTALLED = "bundle.uninstalled";
    public static final String BUNDLE_STARTED = "bundle.started";
    public static final String BUNDLE_STOPPED = "bundle.stopped";

    public static final String CONTACT_CREATED = "contact.created";
    public static final String CONTACT_UPDATED = "contact.updated";
    public static final String CONTACT_DELETED = "contact.deleted";
    public static final String CONTACT_READ = "contact.read";
    public static final String CONTACT_LISTED = "contact.listed";
    public static final String CONTACT_EXPORTED = "contact.exported";
    public static final String COMPANY_CREATED = "company.created";
    public static final String COMPANY_UPDATED = "company.updated";
    public static final String COMPANY_DELETED = "company.deleted";
    public static final String COMPANY_READ = "company.read";
    public static final String COMPANY_LISTED = "company.listed";

    /** A 401, a 403, or a 404 for a record outside the caller's scope. */
    public static final String ACCESS_DENIED = "access.denied";

    public static final String AUDIT_VERIFIED = "audit.verified";
    public static final String AUDIT_EXPORTED = "audit.exported";
    public static final String AUDIT_ARCHIVED = "audit.archived";
    public static final String ALERT_ACKNOWLEDGED = "alert.acknowledged";
    public static final String ALERT_RESOLVED = "alert.resolved";
    public static final String RESPONSE_APPLIED = "response.applied";
    public static final String RESPONSE_UNDONE = "response.undone";

    private AuditActions() {
    }
}
