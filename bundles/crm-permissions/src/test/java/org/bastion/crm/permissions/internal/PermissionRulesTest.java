package org.bastion.crm.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "contacts", "contacts:*", "contacts:read", "contacts:read-sensitive:own",
            "contacts:*:own", "gdpr:*", "a1:b-2:*"})
    void wellFormedPermissionsAreAccepted(String permission) {
        assertThat(PermissionRules.validPermission(permission)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "contacts:", ":read", "contacts::own", "Contacts:read", "contacts:read:own:x",
            "contacts read", "contacts:re*d", "contacts,read", "contacts:read:own "})
    void malformedPermissionsAreRefused(String permission) {
        assertThat(PermissionRules.validPermission(permission)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void permissionsAreAtMostOneHundredCharacters(int length) {
        String permission = "a".repeat(length);
        assertThat(PermissionRules.validPermission(permission)).isEqualTo(length <= 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "sales-2", "a123456789012345678901234567890123456789"})
    void validNamesAreAccepted(String name) {
        assertThat(PermissionRules.validName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "2sales", "-sales", "Sales", "sales_team", "sales team",
            "a1234567890123456789012345678901234567890"})
    void invalidNamesAreRefused(String name) {
        assertThat(PermissionRules.validName(name)).isFalse();
    }
}
