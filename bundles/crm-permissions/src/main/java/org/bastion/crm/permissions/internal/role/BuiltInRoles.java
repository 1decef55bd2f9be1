package org.bastion.crm.permissions.internal.role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.security.SecurityRoles;

/** The built-in roles: defined here, read-only, listed before the custom ones (docs/permissions.md describes them). */
public final class BuiltInRoles {

    /** One built-in role: its name, what it is for, and what it grants. */
    public record BuiltInRole(String name, String description, Set<String> permissions) {

        public BuiltInRole {
            permissions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
        }
    }

    /** Every built-in role, in the order they are listed. */
    public static final List<BuiltInRole> ALL = List.of(
            new BuiltInRole(SecurityRoles.ADMIN, "Administrators: everything.", Set.of("*")),
            new BuiltInRole(SecurityRoles.SALES_MANAGER,
                    "Sales managers: their team's contacts, sensitive fields included, and every company.",
                    ordered("contacts:read:team", "contacts:write:team", "contacts:delete:team",
                            "contacts:read-sensitive:team", "contacts:write-sensitive:team", "contacts:export",
                            "companies:read:all", "companies:write:all", "companies:delete:team", "teams:read")),
            new BuiltInRole(SecurityRoles.SALES,
                    "Sales staff: read their team's contacts, change their own, read every company.",
                    ordered("contacts:read:team", "contacts:write:own", "contacts:delete:own",
                            "contacts:read-sensitive:own", "contacts:write-sensitive:own", "companies:read:all",
                            "companies:write:own")),
            new BuiltInRole(SecurityRoles.SUPPORT, "Support staff: read every contact and company, nothing else.",
                    ordered("contacts:read:all", "companies:read:all")),
            new BuiltInRole(SecurityRoles.AUDITOR,
                    "Auditors: the audit log, monitoring alerts, roles, teams and keys, read only.",
                    ordered("audit:read", "alerts:read", "roles:read", "teams:read", "keys:read")),
            new BuiltInRole(SecurityRoles.DPO,
                    "The data protection officer: GDPR work on every contact, the audit log and the roles.",
                    ordered("contacts:read:all", "contacts:read-sensitive:all", "contacts:delete:all", "contacts:export",
                            "companies:read:all", "gdpr:*", "audit:read", "roles:read")));

    private BuiltInRoles() {
    }

    /** The built-in role with this name, if it is one. */
    public static Optional<BuiltInRole> find(String name) {
        return ALL.stream().filter(role -> role.name().equals(name)).findFirst();
    }

    /** Whether {@code name} is a built-in role's. */
    public static boolean isBuiltIn(String name) {
        return find(name).isPresent();
    }

    private static Set<String> ordered(String... permissions) {
        return new LinkedHashSet<>(List.of(permissions));
    }
}
