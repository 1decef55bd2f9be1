package org.bastion.crm.itests.checks.permissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test's own copy of the built-in roles and their permissions (issue 5), with the scope rules of ADR 8, so that
 * expected statuses come from an oracle independent of the server: Shiro wildcard matching, a grant without a scope
 * meaning {@code all}, and the widest of {@code own}, {@code team}, {@code all}.
 */
public final class BuiltInRoles {

    /** How far a scoped grant reaches, narrowest first. */
    public enum Scope { NONE, OWN, TEAM, ALL }

    /** Whose record a call targets, seen from the caller. */
    public enum Relation {
        /** The caller's own record. */
        OWN,
        /** A record of a team mate (a sales user in the caller's team). */
        TEAM,
        /** A record of a user sharing no team with the caller. */
        FOREIGN
    }

    /** Every built-in role with its permissions, exactly as the issue lists them. */
    public static final Map<String, Set<String>> PERMISSIONS = permissions();

    /** The names of the built-in roles. */
    public static final List<String> NAMES = List.copyOf(PERMISSIONS.keySet());

    private BuiltInRoles() {
    }

    private static Map<String, Set<String>> permissions() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        roles.put("admin", Set.of("*"));
        roles.put("sales-manager", Set.of("contacts:read:team", "contacts:write:team", "contacts:delete:team",
                "contacts:read-sensitive:team", "contacts:write-sensitive:team", "contacts:export", "companies:read:all",
                "companies:write:all", "companies:delete:team", "teams:read"));
        roles.put("sales", Set.of("contacts:read:team", "contacts:write:own", "contacts:delete:own",
                "contacts:read-sensitive:own", "contacts:write-sensitive:own", "companies:read:all",
                "companies:write:own"));
        roles.put("support", Set.of("contacts:read:all", "companies:read:all"));
        roles.put("auditor", Set.of("audit:read", "alerts:read", "roles:read", "teams:read", "keys:read"));
        roles.put("dpo", Set.of("contacts:read:all", "contacts:read-sensitive:all", "contacts:delete:all",
                "contacts:export", "companies:read:all", "gdpr:*", "audit:read", "roles:read"));
        return roles;
    }

    /** Whether the role holds an unscoped permission such as {@code keys:read} (Shiro implication). */
    public static boolean holds(String role, String permission) {
        String[] wanted = permission.split(":");
        for (String grant : grantsOf(role)) {
            if (implies(grant.split(":"), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The widest scope the role holds for {@code domain:action}. */
    public static Scope scope(String role, String domain, String action) {
        Scope widest = Scope.NONE;
        for (String grant : grantsOf(role)) {
            Scope scope = scopeOf(grant.split(":"), domain, action);
            if (scope.compareTo(widest) > 0) {
                widest = scope;
            }
        }
        return widest;
    }

    /** Whether a scope reaches a record of the given relation (the caller's team includes the mate). */
    public static boolean covers(Scope scope, Relation relation) {
        return switch (scope) {
            case NONE -> false;
            case OWN -> relation == Relation.OWN;
            case TEAM -> relation != Relation.FOREIGN;
            case ALL -> true;
        };
    }

    private static Set<String> grantsOf(String role) {
        Set<String> grants = PERMISSIONS.get(role);
        if (grants == null) {
            throw new IllegalArgumentException("not a built-in role: " + role);
        }
        return grants;
    }

    private static Scope scopeOf(String[] grant, String domain, String action) {
        if (!matches(grant, 0, domain)) {
            return Scope.NONE;
        }
        if (grant.length < 2) {
            return Scope.ALL;
        }
        if (!matches(grant, 1, action)) {
            return Scope.NONE;
        }
        if (grant.length < 3 || grant[2].equals("*") || grant[2].equals("all")) {
            return Scope.ALL;
        }
        return switch (grant[2]) {
            case "team" -> Scope.TEAM;
            case "own" -> Scope.OWN;
            default -> Scope.NONE;
        };
    }

    private static boolean matches(String[] grant, int index, String wanted) {
        return grant[index].equals("*") || grant[index].equals(wanted);
    }

    /** Shiro's wildcard implication: each part matches, a shorter grant implies the rest, longer parts must be *. */
    private static boolean implies(String[] grant, String[] wanted) {
        for (int i = 0; i < grant.length; i++) {
            if (i >= wanted.length) {
                if (!grant[i].equals("*")) {
                    return false;
                }
            } else if (!grant[i].equals("*") && !grant[i].equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }
}
