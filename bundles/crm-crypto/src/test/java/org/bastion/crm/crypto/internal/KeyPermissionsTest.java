package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.testing.GrantedPermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPermissionsTest {

    private static final Caller SALES = new Caller("u-sales", "Sam", Set.of("sales"), true);
    private static final Caller READER = new Caller("u-reader", "Rita", Set.of("key-reader"), true);
    private static final Caller OFFICER = new Caller("u-officer", "Otto", Set.of("key-officer"), true);
    private static final GrantedPermissions GRANTS = new GrantedPermissions(Map.of(
            "key-reader", Set.of(StandardPermissions.KEYS_READ),
            "key-officer", Set.of(StandardPermissions.KEYS_READ, StandardPermissions.KEYS_MANAGE)));

    @TempDir
    Path folder;

    private CryptoFixture fixture;

    @BeforeEach
    void unlocked() {
        fixture = CryptoFixture.manual(folder);
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "permission test");
        fixture.start();
    }

    @Test
    void withoutThePermissionsServiceACallerWhoIsNoAdministratorMayNeitherRotateNorSeeKeys() {
        fixture.caller = SALES;

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("keys:manage");
        assertThatThrownBy(() -> fixture.keyService().keys()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("keys:read");
        assertThatThrownBy(() -> fixture.keyService().rotations()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.keyService().rotation(UUID.randomUUID()))
                .isInstanceOf(AccessDeniedException.class);
        fixture.caller = CryptoFixture.ADMIN;
        assertThat(fixture.keyService().rotations()).isEmpty();
    }

    @Test
    void withoutThePermissionsServiceAnAdministratorRotates() {
        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);

        assertThat(fixture.keyService().rotation(rotation.id())).isPresent();
        assertThat(fixture.keyService().keys()).isNotEmpty();
    }

    @Test
    void theSystemCallerMayRotateWithoutThePermissionsService() {
        fixture.caller = Caller.SYSTEM;

        assertThat(fixture.keyService().rotate(KeyPurpose.BLIND_INDEX).purpose()).isEqualTo(KeyPurpose.BLIND_INDEX);
    }

    @Test
    void withoutACallerContextNothingButTheStatusIsAllowed() {
        fixture.keyAccess.callerContext = null;

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.keyService().keys()).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
    }

    @Test
    void theStatusNeedsNoPermission() {
        fixture.caller = SALES;

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
    }

    @Test
    void withThePermissionsServiceKeysReadShowsKeysButDoesNotRotate() {
        fixture.keyAccess.permissions = GRANTS;
        fixture.caller = READER;

        assertThat(fixture.keyService().keys()).isNotEmpty();
        assertThat(fixture.keyService().rotations()).isEmpty();
        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("keys:manage");
    }

    @Test
    void withThePermissionsServiceKeysManageRotates() {
        fixture.keyAccess.permissions = GRANTS;
        fixture.caller = OFFICER;

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);

        assertThat(fixture.keyService().rotation(rotation.id()).orElseThrow().purpose()).isEqualTo(KeyPurpose.FIELD);
    }

    @Test
    void withThePermissionsServiceItsAnswerCountsNotTheAdminRole() {
        fixture.keyAccess.permissions = GRANTS;

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theBundleDefinesKeysReadAndKeysManageWithoutScope() {
        assertThat(new KeysPermissionSet().permissions()).extracting(PermissionDefinition::permission)
                .containsExactly(StandardPermissions.KEYS_READ, StandardPermissions.KEYS_MANAGE);
        assertThat(new KeysPermissionSet().permissions()).noneMatch(PermissionDefinition::scoped);
    }

    @Test
    void withoutThePermissionsServiceAnAdministratorWhoLostTheRoleMayNoLongerRotate() {
        UserDirectory directory = mock(UserDirectory.class);
        when(directory.currentRoles(CryptoFixture.ADMIN.id())).thenReturn(Optional.of(Set.of("sales")));
        fixture.keyAccess.userDirectory = directory;

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutThePermissionsServiceACallerTheDirectoryDoesNotKnowKeepsItsRoles() {
        UserDirectory directory = mock(UserDirectory.class);
        when(directory.currentRoles(CryptoFixture.ADMIN.id())).thenReturn(Optional.empty());
        fixture.keyAccess.userDirectory = directory;

        assertThat(fixture.keyService().rotate(KeyPurpose.FIELD).purpose()).isEqualTo(KeyPurpose.FIELD);
    }
}
