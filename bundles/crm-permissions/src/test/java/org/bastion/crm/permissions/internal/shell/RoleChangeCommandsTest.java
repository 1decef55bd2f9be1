package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class RoleChangeCommandsTest {

    private final RoleService roles = mock(RoleService.class);

    private static Role role(String... permissions) {
        return new Role("closers", null, Set.of(permissions), false, Set.of());
    }

    @Test
    void roleAddCreatesTheRoleWithTrimmedDistinctPermissionsAndDescription() {
        when(roles.create(any())).thenReturn(role("contacts:read", "contacts:write:own"));
        RoleAddCommand command = add(" closers ", List.of(" contacts:read", "contacts:write:own", "contacts:read"));
        command.description = " Close deals ";

        ShellOutput output = ShellOutput.run(command);

        verify(roles).create(new RoleDraft("closers", "Close deals", Set.of("contacts:read", "contacts:write:own")));
        assertThat(output.outLines()).containsExactly("Created role closers with 2 permissions");
    }

    @Test
    void roleAddWithoutADescriptionGivesNone() {
        when(roles.create(any())).thenReturn(role("contacts:read"));
        RoleAddCommand command = add("closers", List.of("contacts:read"));
        command.description = "  ";

        assertThat(ShellOutput.run(command).outLines()).containsExactly("Created role closers with 1 permission");
        verify(roles).create(new RoleDraft("closers", null, Set.of("contacts:read")));
    }

    @Test
    void roleAddWithoutPermissionsIsOneErrorLineAndCallsNothing() {
        assertThat(ShellOutput.run(add("closers", null)).errLines())
                .containsExactly("Error: permissions: name at least one");
        assertThat(ShellOutput.run(add("closers", Arrays.asList(" ", null))).errLines())
                .containsExactly("Error: permissions: name at least one");
        verifyNoInteractions(roles);
    }

    @Test
    void roleAddReportsEveryProblemTheServiceFindsOnOneLine() {
        when(roles.create(any())).thenThrow(new ValidationException(List.of(
                new FieldError("name", "lower case letters, digits and '-'"),
                new FieldError("permissions", "undefined: foo:bar"))));

        ShellOutput output = ShellOutput.run(add("Closers", List.of("foo:bar")));

        assertThat(output.errLines()).containsExactly(
                "Error: name: lower case letters, digits and '-'; permissions: undefined: foo:bar");
        assertThat(output.out()).isEmpty();
    }

    @Test
    void roleGrantAddsThePermissionsAndTellsTheNewCount() {
        when(roles.grant("closers", Set.of("gdpr:export", "contacts:read"))).thenReturn(
                role("contacts:read", "gdpr:export", "contacts:write"));

        ShellOutput output = ShellOutput.run(grant("closers", List.of("gdpr:export", "contacts:read")));

        assertThat(output.outLines()).containsExactly(
                "Role closers: granted contacts:read,gdpr:export (now 3 permissions)");
    }

    @Test
    void roleGrantToABuiltInRoleReportsTheConflict() {
        when(roles.grant(any(), any())).thenThrow(new ConflictException("built-in role admin cannot change"));

        assertThat(ShellOutput.run(grant("admin", List.of("contacts:read"))).errLines())
                .containsExactly("Error: built-in role admin cannot change");
    }

    @Test
    void roleGrantWithoutPermissionsCallsNothing() {
        assertThat(ShellOutput.run(grant("closers", List.of())).failed()).isTrue();
        verifyNoInteractions(roles);
    }

    @Test
    void roleRevokeTakesThePermissionsAndTellsTheNewCount() {
        when(roles.revoke("closers", Set.of("gdpr:export"))).thenReturn(role("contacts:read"));

        ShellOutput output = ShellOutput.run(revoke("closers", List.of("gdpr:export")));

        assertThat(output.outLines()).containsExactly("Role closers: revoked gdpr:export (now 1 permission)");
    }

    @Test
    void roleRevokeOfAPermissionNotHeldReportsTheServicesError() {
        when(roles.revoke(any(), any())).thenThrow(ValidationException.of("permissions", "not held: gdpr:export"));

        assertThat(ShellOutput.run(revoke("closers", List.of("gdpr:export"))).errLines())
                .containsExactly("Error: permissions: not held: gdpr:export");
    }

    @Test
    void roleRevokeWithoutPermissionsCallsNothing() {
        assertThat(ShellOutput.run(revoke("closers", null)).errLines())
                .containsExactly("Error: permissions: name at least one");
        verifyNoInteractions(roles);
    }

    @Test
    void roleDeleteDeletesTheNamedRole() {
        RoleDeleteCommand command = new RoleDeleteCommand();
        command.roles = roles;
        command.name = " closers";

        assertThat(ShellOutput.run(command).outLines()).containsExactly("Deleted role closers");
        verify(roles).delete("closers");
    }

    @Test
    void roleDeleteOfAHeldRoleReportsTheConflict() {
        doThrow(new ConflictException("role closers is held by 2 users")).when(roles).delete("closers");
        RoleDeleteCommand command = new RoleDeleteCommand();
        command.roles = roles;
        command.name = "closers";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: role closers is held by 2 users");
        assertThat(output.out()).isEmpty();
    }

    private RoleAddCommand add(String name, List<String> permissions) {
        RoleAddCommand command = new RoleAddCommand();
        command.roles = roles;
        command.name = name;
        command.permissions = permissions;
        return command;
    }

    private RoleGrantCommand grant(String role, List<String> permissions) {
        RoleGrantCommand command = new RoleGrantCommand();
        command.roles = roles;
        command.role = role;
        command.permissions = permissions;
        return command;
    }

    private RoleRevokeCommand revoke(String role, List<String> permissions) {
        RoleRevokeCommand command = new RoleRevokeCommand();
        command.roles = roles;
        command.role = role;
        command.permissions = permissions;
        return command;
    }
}
