package org.bastion.crm.permissions.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.permissions.internal.CataloguedPermission;
import org.bastion.crm.permissions.internal.PermissionsFixture;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class CatalogueTrackerTest {

    private final CatalogueTracker catalogue = new CatalogueTracker();

    private ServiceReference<PermissionSet> register(String bundle, PermissionDefinition... definitions) {
        ServiceReference<PermissionSet> reference = PermissionsFixture.reference(bundle);
        catalogue.addPermissionSet(() -> List.of(definitions), reference);
        return reference;
    }

    private static PermissionDefinition scoped(String permission) {
        return new PermissionDefinition(permission, "Does " + permission + ".", true);
    }

    private static PermissionDefinition plain(String permission) {
        return new PermissionDefinition(permission, "Does " + permission + ".", false);
    }

    @Test
    void theCatalogueIsTheUnionOfEverySetSortedWithItsBundle() {
        register("org.bastion.crm-contacts", scoped("contacts:read"), plain("contacts:export"));
        register("com.vendor.plugin", plain("vendor:sync"));

        assertThat(catalogue.entries()).extracting(CataloguedPermission::permission, CataloguedPermission::bundle,
                CataloguedPermission::scoped).containsExactly(
                        tuple("contacts:export", "org.bastion.crm-contacts", false),
                        tuple("contacts:read", "org.bastion.crm-contacts", true),
                        tuple("vendor:sync", "com.vendor.plugin", false));
        assertThat(catalogue.definitions()).extracting(PermissionDefinition::permission)
                .containsExactly("contacts:export", "contacts:read", "vendor:sync");
    }

    @Test
    void aRemovedBundleTakesItsDefinitionsWithIt() {
        register("org.bastion.crm-contacts", scoped("contacts:read"));
        ServiceReference<PermissionSet> vendor = register("com.vendor.plugin", plain("vendor:sync"));

        catalogue.removePermissionSet(vendor);

        assertThat(catalogue.entries()).extracting(CataloguedPermission::permission).containsExactly("contacts:read");
        assertThat(catalogue.defines("vendor:sync")).isFalse();
        assertThat(catalogue.defines("vendor:*")).isFalse();
    }

    @Test
    void aDuplicateDefinitionKeepsTheFirstUntilItsBundleGoes() {
        ServiceReference<PermissionSet> first = register("first.bundle",
                new PermissionDefinition("shared:do", "First meaning.", false));
        register("second.bundle", new PermissionDefinition("shared:do", "Second meaning.", true));

        assertThat(catalogue.entries()).extracting(CataloguedPermission::description, CataloguedPermission::bundle)
                .containsExactly(tuple("First meaning.", "first.bundle"));

        catalogue.removePermissionSet(first);
        assertThat(catalogue.entries()).extracting(CataloguedPermission::description, CataloguedPermission::bundle)
                .containsExactly(tuple("Second meaning.", "second.bundle"));
    }

    @Test
    void aFailingSetDefinesNothingAndBreaksNothing() {
        register("org.bastion.crm-contacts", scoped("contacts:read"));
        catalogue.addPermissionSet(() -> {
            throw new IllegalStateException("broken vendor");
        }, PermissionsFixture.reference("broken.vendor"));

        assertThat(catalogue.entries()).extracting(CataloguedPermission::permission).containsExactly("contacts:read");
    }

    @Test
    void definedPermissionsFollowTheCatalogue() {
        register("org.bastion.crm-contacts", scoped("contacts:read"), plain("contacts:export"));

        assertThat(catalogue.defines("*")).isTrue();
        assertThat(catalogue.defines("contacts:*")).isTrue();
        assertThat(catalogue.defines("contacts:read")).isTrue();
        assertThat(catalogue.defines("contacts:read:own")).isTrue();
        assertThat(catalogue.defines("contacts:read:team")).isTrue();
        assertThat(catalogue.defines("contacts:read:all")).isTrue();
        assertThat(catalogue.defines("contacts:read:*")).isTrue();
        assertThat(catalogue.defines("contacts:export")).isTrue();

        assertThat(catalogue.defines("contacts:read:mine")).isFalse();
        assertThat(catalogue.defines("contacts:export:own")).as("unscoped").isFalse();
        assertThat(catalogue.defines("contacts:write")).isFalse();
        assertThat(catalogue.defines("gdpr:*")).as("no set defines the domain").isFalse();
        assertThat(catalogue.defines("contacts")).isFalse();
        assertThat(catalogue.defines("contacts:*:mine")).isFalse();
    }

    @Test
    void everyActionOfADomainMayBeGrantedPerScopeWhenTheDomainHasScopedPermissions() {
        register("org.bastion.crm-contacts", scoped("contacts:read"), plain("contacts:export"));
        register("vendor.bundle", plain("vendor:sync"));

        assertThat(catalogue.defines("contacts:*:own")).isTrue();
        assertThat(catalogue.defines("contacts:*:team")).isTrue();
        assertThat(catalogue.defines("contacts:*:*")).isTrue();
        assertThat(catalogue.defines("vendor:*:own")).as("no scoped permission in the domain").isFalse();
        assertThat(catalogue.defines("gdpr:*:own")).as("no set defines the domain").isFalse();
    }

    @Test
    void thisBundleDefinesRoleAndTeamPermissionsWithoutScope() {
        catalogue.addPermissionSet(new RolesAndTeamsPermissionSet(), PermissionsFixture.reference("own"));

        assertThat(catalogue.entries()).extracting(CataloguedPermission::permission, CataloguedPermission::scoped)
                .containsExactly(tuple("roles:manage", false), tuple("roles:read", false),
                        tuple("teams:manage", false), tuple("teams:read", false));
    }
}
