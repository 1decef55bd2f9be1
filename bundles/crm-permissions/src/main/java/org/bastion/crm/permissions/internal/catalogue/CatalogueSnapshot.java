package org.bastion.crm.permissions.internal.catalogue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.permissions.internal.CataloguedPermission;

/** An immutable state of the catalogue: its entries by permission and the domains they cover. */
final class CatalogueSnapshot {

    static final CatalogueSnapshot EMPTY = new CatalogueSnapshot(List.of());

    private static final Set<String> SCOPES = Set.of("own", "team", "all", "*");

    private final List<CataloguedPermission> entries;
    private final Map<String, CataloguedPermission> byPermission = new LinkedHashMap<>();
    private final Set<String> domains = new HashSet<>();
    private final Set<String> scopedDomains = new HashSet<>();

    /** The snapshot of {@code entries}, each permission once (the caller removed duplicates). */
    CatalogueSnapshot(List<CataloguedPermission> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing(CataloguedPermission::permission)).toList();
        for (CataloguedPermission entry : this.entries) {
            byPermission.put(entry.permission(), entry);
            String domain = entry.permission().substring(0, entry.permission().indexOf(':'));
            domains.add(domain);
            if (entry.scoped()) {
                scopedDomains.add(domain);
            }
        }
    }

    List<CataloguedPermission> entries() {
        return entries;
    }

    boolean contains(String permission) {
        return byPermission.containsKey(permission);
    }

    boolean defines(String permission) {
        if (permission == null) {
            return false;
        }
        if (permission.equals("*")) {
            return true;
        }
        String[] parts = permission.split(":", -1);
        if (parts.length == 2) {
            return parts[1].equals("*") ? domains.contains(parts[0]) : byPermission.containsKey(permission);
        }
        if (parts.length == 3 && parts[1].equals("*")) {
            return scopedDomains.contains(parts[0]) && SCOPES.contains(parts[2]);
        }
        if (parts.length == 3) {
            CataloguedPermission definition = byPermission.get(parts[0] + ":" + parts[1]);
            return definition != null && definition.scoped() && SCOPES.contains(parts[2]);
        }
        return false;
    }
}
