package org.bastion.crm.permissions.internal.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.permissions.internal.PermissionsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;

class RoleServiceImplTest {

    private final PermissionsFixture fixture = new PermissionsFixture();
    private final RoleServiceImpl roles = fixture.roles;

    /** The examples and one of every other class the platform text rule refuses in a one-line field. */
    private static final java.util.List<String> UNSAFE = java.util.List.of("a\u0000b", "a\u001b[2Jb", "a\rb",
            "a\nb", "a\r\nb", "a\tb", "a\u202Eb", "a\u2066b", "\ud800x", "a\uFFFEb", "a\u0085b", "a\u2028b");

    @BeforeEach
    void actAsAdministrator() {
        fixture.actAsAdmin();
    }

    private static RoleDraft draft(String name, String... permissions) {
        return new RoleDraft(name, "Role " + name, Set.of(permissions));
    }

    private static List<String> messages(ValidationException e) {
        return e.errors().stream().map(error -> error.field() + ": " + error.message()).toList();
    }

    @Test
    void builtInRolesComeFirstThenCustomRolesByName() {
        roles.create(draft("zeta", "contacts:read"));
        roles.create(draft("alpha", "contacts:read"));

        assertThat(roles.list()).extracting(Role::name).containsExactly("admin", "sales-manager", "sales", "support",
                "auditor", "dpo", "alpha", "zeta");
        assertThat(roles.find("admin").orElseThrow().builtIn()).isTrue();
        assertThat(roles.find("alpha").orElseThrow().builtIn()).isFalse();
        assertThat(roles.find("nobody")).isEmpty();
    }

    @Test
    void aCreatedRoleIsStoredWithItsPermissionsAndPostsAnEvent() {
        Role created = roles.create(draft("viewer", "contacts:read:own", "companies:*"));

        assertThat(created).isEqualTo(new Role("viewer", "Role viewer", Set.of("contacts:read:own", "companies:*"),
                false, Set.of()));
        assertThat(fixture.query("SELECT COUNT(*) FROM crm_permission_grant WHERE role = 'viewer'")).isEqualTo(2L);
        Event event = fixture.events.last(PermissionEvents.ROLE_CREATED);
        assertThat(event.getProperty(PermissionEvents.ROLE)).isEqualTo("viewer");
        assertThat((String[]) event.getProperty(PermissionEvents.GRANTED))
                .containsExactly("companies:*", "contacts:read:own");
        assertThat(event.getProperty(PermissionEvents.ACTOR)).isEqualTo(PermissionsFixture.ADMIN_ID);
        assertThat(event.getProperty(PermissionEvents.TIMESTAMP)).isInstanceOf(Long.class);
    }

    @Test
    void everyWildcardFormOfADefinedPermissionIsAccepted() {
        Role created = roles.create(draft("wide", "*", "contacts:*", "contacts:read:*", "contacts:export", "roles:read"));

        assertThat(created.undefined()).isEmpty();
    }

    @Test
    void undefinedPermissionsAreRefusedEachByName() {
        assertThatThrownBy(() -> roles.create(draft("viewer", "contacts:read", "gdpr:erase", "contacts:export:own",
                "contacts:read:mine")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(messages(e)).containsExactly(
                        "permissions: contacts:export:own is not defined by any installed bundle",
                        "permissions: contacts:read:mine is not defined by any installed bundle",
                        "permissions: gdpr:erase is not defined by any installed bundle"));
        assertThat(roles.find("viewer")).isEmpty();
    }

    @Test
    void malformedNamesDescriptionsAndPermissionsAreRefusedTogether() {
        RoleDraft bad = new RoleDraft("X", "d".repeat(501), Set.of("contacts::read", "a".repeat(101)));

        assertThatThrownBy(() -> roles.create(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("name", "description", "permissions", "permissions"));
    }

    @Test
    void aRoleGrantsAtMostOneHundredPermissions() {
        registerVendorPermissions(101);
        Set<String> hundred = vendorPermissions(100);
        roles.create(new RoleDraft("big", null, hundred));

        assertThatThrownBy(() -> roles.grant("big", Set.of("vendor:p100")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(messages(e))
                        .containsExactly("permissions: a role grants at most 100 permissions"));
        assertThatThrownBy(() -> roles.create(new RoleDraft("bigger", null, vendorPermissions(101))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aBuiltInNameOrATakenNameIsAConflict() {
        roles.create(draft("viewer", "contacts:read"));

        assertThatThrownBy(() -> roles.create(draft("admin", "contacts:read"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> roles.create(draft("viewer", "contacts:read")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("taken");
    }

    @Test
    void builtInRolesCannotBeChanged() {
        for (String name : List.of("admin", "sales", "dpo")) {
            assertThatThrownBy(() -> roles.update(name, draft(name, "contacts:read")))
                    .isInstanceOf(ConflictException.class).hasMessage("built-in role " + name + " cannot be changed");
            assertThatThrownBy(() -> roles.grant(name, Set.of("contacts:read"))).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> roles.revoke(name, Set.of("contacts:read"))).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> roles.delete(name)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void unknownRolesAreNotFound() {
        assertThatThrownBy(() -> roles.update("ghost", draft("ghost"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roles.grant("ghost", Set.of("contacts:read"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roles.revoke("ghost", Set.of("contacts:read"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roles.delete("ghost")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDescriptionWithControlCharactersBidiOverridesOrBrokenUnicodeIsRefusedOnCreateAndUpdate() {
        roles.create(draft("viewer", "contacts:read"));
        for (String bad : UNSAFE) {
            assertThatThrownBy(() -> roles.create(new RoleDraft("other", bad, Set.of("contacts:read"))))
                    .as(org.bastion.crm.api.text.SafeText.escape(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("description"));
            assertThatThrownBy(() -> roles.update("viewer", new RoleDraft(null, bad, Set.of("contacts:read"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("description"));
        }
        assertThat(roles.find("other")).isEmpty();
        assertThat(roles.find("viewer").orElseThrow().description()).isEqualTo("Role viewer");
        assertThat(messages(catchValidation(() -> roles.create(new RoleDraft("other", "x\u202Ey", Set.of())))))
                .containsExactly("description: must not contain bidirectional override, embedding or isolate"
                        + " characters (U+202E at position 2)");
    }

    @Test
    void aDescriptionInAnyScriptWithEmojiIsKept() {
        Role role = roles.create(new RoleDraft("intl", "Vertrieb · 営業 · מכירות · 😀", Set.of("contacts:read")));

        assertThat(role.description()).isEqualTo("Vertrieb · 営業 · מכירות · 😀");
    }

    private static ValidationException catchValidation(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void anUpdateReplacesDescriptionAndPermissionsAndReportsTheDifference() {
        roles.create(draft("viewer", "contacts:read:own", "companies:read"));

        Role updated = roles.update("viewer", new RoleDraft("ignored", "Reads more", Set.of("contacts:read:all",
                "companies:read")));

        assertThat(updated).isEqualTo(new Role("viewer", "Reads more", Set.of("contacts:read:all", "companies:read"),
                false, Set.of()));
        Event event = fixture.events.last(PermissionEvents.ROLE_UPDATED);
        assertThat((String[]) event.getProperty(PermissionEvents.GRANTED)).containsExactly("contacts:read:all");
        assertThat((String[]) event.getProperty(PermissionEvents.REVOKED)).containsExactly("contacts:read:own");
    }

    @Test
    void grantAddsAndRevokeRemovesWithEvents() {
        roles.create(draft("viewer", "contacts:read:own"));

        assertThat(roles.grant("viewer", Set.of("contacts:export", "contacts:read:own")).permissions())
                .containsExactly("contacts:export", "contacts:read:own");
        assertThat((String[]) fixture.events.last(PermissionEvents.ROLE_UPDATED).getProperty(PermissionEvents.GRANTED))
                .containsExactly("contacts:export");

        assertThat(roles.revoke("viewer", Set.of("contacts:read:own")).permissions()).containsExactly("contacts:export");
        Event revoked = fixture.events.last(PermissionEvents.ROLE_UPDATED);
        assertThat((String[]) revoked.getProperty(PermissionEvents.REVOKED)).containsExactly("contacts:read:own");
        assertThat(revoked.getProperty(PermissionEvents.ACTOR)).isEqualTo(PermissionsFixture.ADMIN_ID);
    }

    @Test
    void grantingUndefinedOrRevokingUnheldPermissionsIsAValidationError() {
        roles.create(draft("viewer", "contacts:read:own"));

        assertThatThrownBy(() -> roles.grant("viewer", Set.of("gdpr:erase"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("gdpr:erase");
        assertThatThrownBy(() -> roles.revoke("viewer", Set.of("contacts:export")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(messages(e))
                        .containsExactly("permissions: role viewer does not grant contacts:export"));
        assertThatThrownBy(() -> roles.grant("viewer", Set.of())).isInstanceOf(ValidationException.class);
        assertThat(roles.find("viewer").orElseThrow().permissions()).containsExactly("contacts:read:own");
    }

    @Test
    void permissionsOfARemovedBundleAreKeptShownAsUndefinedAndStillRemovable() {
        ServiceReference<PermissionSet> vendor = fixture.register(
                () -> List.of(new PermissionDefinition("vendor:sync", "Sync.", true)), "com.vendor.plugin");
        roles.create(draft("syncer", "vendor:sync:own", "contacts:read"));

        fixture.catalogue.removePermissionSet(vendor);

        Role kept = roles.find("syncer").orElseThrow();
        assertThat(kept.permissions()).containsExactly("contacts:read", "vendor:sync:own");
        assertThat(kept.undefined()).containsExactly("vendor:sync:own");
        assertThat(roles.update("syncer", new RoleDraft(null, "kept", kept.permissions())).undefined())
                .containsExactly("vendor:sync:own");
        assertThat(roles.revoke("syncer", Set.of("vendor:sync:own")).undefined()).isEmpty();
    }

    @Test
    void builtInRolesShowPermissionsNoInstalledBundleDefinesAsUndefined() {
        assertThat(roles.find("dpo").orElseThrow().undefined()).containsExactly("audit:read", "gdpr:*");
        assertThat(roles.find("admin").orElseThrow().undefined()).isEmpty();
    }

    @Test
    void aRoleHeldByUsersCannotBeDeleted() {
        roles.create(draft("viewer", "contacts:read"));
        fixture.users.put("u-viewer", "vic", "viewer");

        assertThatThrownBy(() -> roles.delete("viewer")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("held by 1 user");

        fixture.users.setRoles("u-viewer");
        roles.delete("viewer");
        assertThat(roles.find("viewer")).isEmpty();
        assertThat(fixture.query("SELECT COUNT(*) FROM crm_permission_grant")).isEqualTo(0L);
        Event event = fixture.events.last(PermissionEvents.ROLE_DELETED);
        assertThat(event.getProperty(PermissionEvents.ROLE)).isEqualTo("viewer");
        assertThat((String[]) event.getProperty(PermissionEvents.REVOKED)).containsExactly("contacts:read");
    }

    @Test
    void withoutTheUserDirectoryNoRoleIsDeleted() {
        roles.create(draft("viewer", "contacts:read"));
        roles.directory = null;

        assertThatThrownBy(() -> roles.delete("viewer")).isInstanceOf(ServiceUnavailableException.class);
        assertThat(roles.find("viewer")).isPresent();
    }

    @Test
    void readingNeedsRolesReadAndChangingNeedsRolesManage() {
        fixture.actAs(PermissionsFixture.SALES_ID);
        assertThatThrownBy(roles::list).isInstanceOf(AccessDeniedException.class).hasMessageContaining("roles:read");
        assertThatThrownBy(roles::catalogue).isInstanceOf(AccessDeniedException.class);

        fixture.users.put("u-auditor", "audrey", "auditor");
        fixture.actAs("u-auditor");
        assertThat(roles.list()).isNotEmpty();
        assertThat(roles.catalogue()).extracting(PermissionDefinition::permission).contains("roles:manage");
        assertThatThrownBy(() -> roles.create(draft("viewer", "contacts:read")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("roles:manage");
        assertThat(fixture.events.all()).isEmpty();
    }

    @Test
    void aRoleManagerGrantsOnlyPermissionsHeldThemselves() {
        fixture.roleStore.insert("role-managers", "manage roles", Set.of("roles:manage", "roles:read",
                "contacts:read:team"), () -> { });
        fixture.users.put("u-rm", "rita", "role-managers");
        fixture.caller = PermissionsFixture.user("u-rm");

        assertThat(roles.create(draft("narrow", "contacts:read:own")).permissions()).containsExactly("contacts:read:own");
        assertThatThrownBy(() -> roles.create(draft("wide", "contacts:read:own", "*", "contacts:export")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("*, contacts:export");
        assertThatThrownBy(() -> roles.grant("narrow", Set.of("contacts:read:all")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("contacts:read:all");
        assertThatThrownBy(() -> roles.update("narrow", new RoleDraft(null, "d", Set.of("roles:manage", "teams:manage"))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("teams:manage");
        assertThat(roles.find("wide")).isEmpty();
        assertThat(roles.find("narrow").orElseThrow().permissions()).containsExactly("contacts:read:own");
    }

    @Test
    void anonymousCallersAndAMissingCallerContextAreRefused() {
        fixture.caller = Caller.ANONYMOUS;
        assertThatThrownBy(roles::list).isInstanceOf(AccessDeniedException.class);

        fixture.actAsAdmin();
        roles.callers = null;
        assertThatThrownBy(roles::list).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aChangeWithoutEventAdminStillHappens() {
        RoleServiceImpl withoutEvents = new RoleServiceImpl(fixture.roleStore, fixture.catalogue, fixture.permissions,
                new org.bastion.crm.permissions.internal.PermissionEventPublisher());
        withoutEvents.callers = () -> fixture.caller;

        assertThat(withoutEvents.create(draft("viewer", "contacts:read")).name()).isEqualTo("viewer");
    }

    @Test
    void theCatalogueIsSortedByPermission() {
        List<String> catalogue = roles.catalogue().stream().map(PermissionDefinition::permission).toList();

        assertThat(catalogue).isSorted().contains("contacts:read", "roles:read", "teams:manage");
    }

    private void registerVendorPermissions(int count) {
        fixture.register(() -> IntStream.range(0, count)
                .mapToObj(i -> new PermissionDefinition("vendor:p" + i, "P" + i + ".", false)).toList(), "vendor");
    }

    private static Set<String> vendorPermissions(int count) {
        Set<String> permissions = new HashSet<>();
        IntStream.range(0, count).forEach(i -> permissions.add("vendor:p" + i));
        return permissions;
    }
}
