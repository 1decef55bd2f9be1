package org.bastion.crm.api.permissions;

/**
 * The domains, actions and permissions the CRM's own bundles define, as constants for code that checks them; the
 * catalogue ({@link PermissionSet}) is what describes them.
 */
public final class StandardPermissions {

    public static final String CONTACTS = "contacts";
    public static final String COMPANIES = "companies";

    /** Scoped action: read records. */
    public static final String READ = "read";
    /** Scoped action: create and change records. */
    public static final String WRITE = "write";
    /** Scoped action: delete records. */
    public static final String DELETE = "delete";
    /** Scoped action: read the fields tagged SENSITIVE. */
    public static final String READ_SENSITIVE = "read-sensitive";
    /** Scoped action: write the fields tagged SENSITIVE. */
    public static final String WRITE_SENSITIVE = "write-sensitive";
    /** Action: export records in bulk. */
    public static final String EXPORT = "export";

    public static final String CONTACTS_EXPORT = "contacts:export";
    public static final String USERS_MANAGE = "users:manage";
    public static final String ROLES_READ = "roles:read";
    public static final String ROLES_MANAGE = "roles:manage";
    public static final String TEAMS_READ = "teams:read";
    public static final String TEAMS_MANAGE = "teams:manage";
    public static final String KEYS_READ = "keys:read";
    public static final String KEYS_MANAGE = "keys:manage";
    public static final String AUDIT_READ = "audit:read";

    private StandardPermissions() {
    }
}
