package org.bastion.crm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.bastion.crm.api.permissions.StandardPermissions;
import org.junit.jupiter.api.Test;

class UsersPermissionSetTest {

    @Test
    void definesUsersManageWithoutScope() {
        assertThat(new UsersPermissionSet().permissions()).singleElement().satisfies(definition -> {
            assertThat(definition.permission()).isEqualTo(StandardPermissions.USERS_MANAGE);
            assertThat(definition.scoped()).isFalse();
        });
    }
}
