package org.bastion.crm.permissions.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.RecordScope;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.permissions.internal.role.RoleStore;
import org.bastion.crm.permissions.internal.role.RoleTable;
import org.bastion.crm.permissions.internal.team.TeamStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Judges callers from memory: {@link Caller#SYSTEM} (by identity) may do everything, unauthenticated callers nothing;
 * a CRM user is judged by the roles the {@link UserDirectory} says he holds now (none when disabled), any other caller
 * (the local Karaf console user) by the roles it carries. Roles grant Shiro wildcard permissions from the current
 * {@link org.bastion.crm.permissions.internal.role.RoleTable}; unknown role names grant nothing.
 */
@Component(service = {Permissions.class, PermissionsImpl.class})
public final class PermissionsImpl implements Permissions {

    /** How many distinct permission strings are kept parsed; beyond that they are parsed on each check. */
    private static final int PARSED_LIMIT = 4096;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile UserDirectory directory;

    private final RoleStore roles;
    private final TeamStore teams;
    private final Map<String, Optional<Permission>> parsed = new ConcurrentHashMap<>();
    private final Verdicts verdicts = new Verdicts();

    @Activate
    public PermissionsImpl(@Reference RoleStore roles, @Reference TeamStore teams) {
        this.roles = roles;
        this.teams = teams;
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        if (caller == null || !caller.authenticated()) {
            return false;
        }
        if (caller == Caller.SYSTEM) {
            return true;
        }
        Set<String> held = rolesOf(caller);
        if (held.isEmpty()) {
            return false;
        }
        RoleTable table = roles.table();
        return verdicts.holds(table, held, permission, () -> judge(table, held, permission));
    }

    private boolean judge(RoleTable table, Set<String> held, String permission) {
        for (String candidate : withWiderScopes(permission)) {
            Optional<Permission> wanted = parse(candidate);
            if (wanted.isPresent() && table.implies(held, wanted.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The permission, then the same with each wider record scope: {@code x:y:own} is held through {@code x:y:team} or
     * {@code x:y:all} too, {@code x:y:team} through {@code x:y:all} (Shiro alone would not see that).
     */
    private static List<String> withWiderScopes(String permission) {
        if (permission == null) {
            return List.of();
        }
        if (permission.endsWith(":own")) {
            String action = permission.substring(0, permission.length() - "own".length());
            return List.of(permission, action + "team", action + "all");
        }
        if (permission.endsWith(":team")) {
            return List.of(permission, permission.substring(0, permission.length() - "team".length()) + "all");
        }
        return List.of(permission);
    }

    @Override
    public void check(Caller caller, String permission) {
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("this needs the permission " + permission);
        }
    }

    @Override
    public RecordAccess access(Caller caller, String domain, String action) {
        String prefix = domain + ":" + action + ":";
        if (isPermitted(caller, prefix + RecordScope.ALL.wireName())) {
            return RecordAccess.ALL;
        }
        if (isPermitted(caller, prefix + RecordScope.TEAM.wireName())) {
            return new RecordAccess(RecordScope.TEAM, teams.teamMatesOf(caller.id()));
        }
        if (isPermitted(caller, prefix + RecordScope.OWN.wireName())) {
            return new RecordAccess(RecordScope.OWN, Set.of(caller.id()));
        }
        return RecordAccess.NONE;
    }

    @Override
    public boolean coversRole(Caller caller, String role) {
        return roles.table().find(role)
                .map(entry -> entry.permissions().stream().allMatch(permission -> isPermitted(caller, permission)))
                .orElseGet(() -> isPermitted(caller, "*"));
    }

    /** The roles the caller is judged by: a CRM user's current ones, else those the caller carries. */
    public Set<String> rolesOf(Caller caller) {
        UserDirectory users = directory;
        if (users != null) {
            Optional<Set<String>> current = users.currentRoles(caller.id());
            if (current != null && current.isPresent()) {
                return current.get();
            }
        }
        return caller.roles();
    }

    /** The permission compiled, or empty when it is not 1 to 3 lower-case parts (never permitted then). */
    private Optional<Permission> parse(String permission) {
        if (permission == null) {
            return Optional.empty();
        }
        Optional<Permission> known = parsed.get(permission);
        if (known != null) {
            return known;
        }
        Optional<Permission> fresh = Optional.empty();
        if (PermissionRules.validPermission(permission)) {
            fresh = Optional.of(new WildcardPermission(permission));
        }
        if (parsed.size() < PARSED_LIMIT) {
            parsed.put(permission, fresh);
        }
        return fresh;
    }
}
