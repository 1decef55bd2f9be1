package org.bastion.crm.permissions.internal.role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.bastion.crm.permissions.internal.db.RoleRow;

/**
 * An immutable state of every role (built-in first, then custom ones by name) with each role's permissions compiled
 * into Shiro {@link WildcardPermission}s once, so a check is a few in-memory comparisons. Replaced as a whole on every
 * role change.
 */
public final class RoleTable {

    private static final System.Logger LOG = System.getLogger(RoleTable.class.getName());

    private final Map<String, RoleEntry> roles = new LinkedHashMap<>();
    private final Map<String, List<Permission>> compiled = new HashMap<>();

    /** One role of the table. */
    public record RoleEntry(String name, String description, Set<String> permissions, boolean builtIn) {
    }

    private RoleTable(List<RoleRow> custom) {
        for (BuiltInRoles.BuiltInRole role : BuiltInRoles.ALL) {
            add(new RoleEntry(role.name(), role.description(), role.permissions(), true));
        }
        for (RoleRow row : custom) {
            if (!roles.containsKey(row.name())) {
                add(new RoleEntry(row.name(), row.description(), row.permissions(), false));
            }
        }
    }

    /** The table of the built-in roles and {@code custom} (a custom row with a built-in name is ignored). */
    public static RoleTable of(List<RoleRow> custom) {
        return new RoleTable(custom);
    }

    /** Every role, built-in first. */
    public List<RoleEntry> roles() {
        return List.copyOf(roles.values());
    }

    /** The role with this name. */
    public Optional<RoleEntry> find(String name) {
        return Optional.ofNullable(name == null ? null : roles.get(name));
    }

    /** Whether any of {@code roleNames} grants a permission implying {@code wanted}; unknown names grant nothing. */
    public boolean implies(Set<String> roleNames, Permission wanted) {
        for (String role : roleNames) {
            List<Permission> granted = compiled.get(role);
            if (granted != null) {
                for (Permission permission : granted) {
                    if (permission.implies(wanted)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void add(RoleEntry entry) {
        roles.put(entry.name(), entry);
        List<Permission> permissions = new ArrayList<>();
        for (String permission : entry.permissions()) {
            try {
                permissions.add(new WildcardPermission(permission));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "Role " + entry.name() + " grants the malformed permission "
                        + permission + "; it is ignored");
            }
        }
        compiled.put(entry.name(), List.copyOf(permissions));
    }
}
