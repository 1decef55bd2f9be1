package org.bastion.crm.permissions.internal.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.permissions.internal.PermissionRules;
import org.junit.jupiter.api.Test;

class BuiltInRolesTest {

    @Test
    void theBuiltInRolesAreExactlyTheSecurityBundlesNamesInListOrder() {
        assertThat(BuiltInRoles.ALL).extracting(BuiltInRoles.BuiltInRole::name).containsExactly(SecurityRoles.ADMIN,
                SecurityRoles.SALES_MANAGER, SecurityRoles.SALES, SecurityRoles.SUPPORT, SecurityRoles.AUDITOR,
                SecurityRoles.DPO);
        assertThat(BuiltInRoles.ALL).extracting(BuiltInRoles.BuiltInRole::name)
                .containsExactlyInAnyOrderElementsOf(SecurityRoles.BUILT_IN);
    }

    @Test
    void everyBuiltInRoleHasADescriptionAndWellFormedPermissions() {
        for (BuiltInRoles.BuiltInRole role : BuiltInRoles.ALL) {
            assertThat(role.description()).isNotBlank();
            assertThat(role.permissions()).allMatch(PermissionRules::validPermission);
        }
    }

    @Test
    void theBuiltInRolesGrantWhatTheDocumentationLists() {
        assertThat(permissionsOf(SecurityRoles.ADMIN)).containsExactly("*");
        assertThat(permissionsOf(SecurityRoles.SALES_MANAGER)).containsExactlyInAnyOrder("contacts:read:team",
                "contacts:write:team", "contacts:delete:team", "contacts:read-sensitive:team",
                "contacts:write-sensitive:team", "contacts:export", "companies:read:all", "companies:write:all",
                "companies:delete:team", "teams:read");
        assertThat(permissionsOf(SecurityRoles.SALES)).containsExactlyInAnyOrder("contacts:read:team",
                "contacts:write:own", "contacts:delete:own", "contacts:read-sensitive:own",
                "contacts:write-sensitive:own", "companies:read:all", "companies:write:own");
        assertThat(permissionsOf(SecurityRoles.SUPPORT)).containsExactlyInAnyOrder("contacts:read:all",
                "companies:read:all");
        assertThat(permissionsOf(SecurityRoles.AUDITOR)).containsExactlyInAnyOrder("audit:read", "alerts:read",
                "roles:read", "teams:read", "keys:read");
        assertThat(permissionsOf(SecurityRoles.DPO)).containsExactlyInAnyOrder("contacts:read:all",
                "contacts:read-sensitive:all", "contacts:delete:all", "contacts:export", "companies:read:all",
                "gdpr:*", "audit:read", "roles:read");
    }

    private static Set<String> permissionsOf(String role) {
        return BuiltInRoles.find(role).orElseThrow().permissions();
    }
}
