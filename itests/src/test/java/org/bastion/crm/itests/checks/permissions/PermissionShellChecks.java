package org.bastion.crm.itests.checks.permissions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * Roles, teams and users' roles in the Karaf shell, as the console admin ({@code crm:permission-list},
 * {@code crm:role-*}, {@code crm:team-*}, {@code crm:user-roles}), each cross-checked over REST; bad input prints
 * one line and changes nothing.
 */
public final class PermissionShellChecks {

    private final KarafShell shell;
    private final CrmApi admin;
    private final ApiClients clients;
    private final PermissionsApi permissions;

    /** Checks with the shell, the admin's client and clients of other sessions. */
    public PermissionShellChecks(KarafShell shell, CrmApi admin, ApiClients clients) {
        this.shell = shell;
        this.admin = admin;
        this.clients = clients;
        this.permissions = new PermissionsApi(admin);
    }

    /** crm:permission-list, role-list, role-show, role-add, role-grant, role-revoke, user-roles and role-delete. */
    public void rolesAndUserRolesInTheShell() {
        String catalogue = ok("crm:permission-list");
        assertTrue("permission-list shows the catalogue: " + catalogue,
                catalogue.contains("contacts:read") && catalogue.contains("users:manage"));
        String roles = ok("crm:role-list");
        assertTrue("role-list shows the built-in roles: " + roles,
                BuiltInRoles.NAMES.stream().allMatch(roles::contains));
        String sales = ok("crm:role-show sales");
        assertTrue("role-show lists the permissions: " + sales, sales.contains("contacts:write:own"));

        String name = PermissionsApi.newName("shell-role");
        ok("crm:role-add --description \"Made in the shell\" " + name + " contacts:read:own");
        assertEquals(List.of("contacts:read:own"), permissions.permissionsOf(name));
        assertEquals("Made in the shell", permissions.role(name).path("description").asText());
        assertTrue("role-show shows the new role", ok("crm:role-show " + name).contains("contacts:read:own"));
        ok("crm:role-grant " + name + " companies:read contacts:read:team");
        assertEquals(List.of("companies:read", "contacts:read:own", "contacts:read:team"), permissions.permissionsOf(name));
        ok("crm:role-revoke " + name + " contacts:read:own");
        assertEquals(List.of("companies:read", "contacts:read:team"), permissions.permissionsOf(name));

        EnrolledUser user = EnrolledUser.create(admin, clients, "shell-roles", "sales");
        assertTrue("user-roles shows the roles", ok("crm:user-roles " + user.username()).contains("sales"));
        ok("crm:user-roles " + user.username() + " " + name + " support");
        assertEquals(List.of(name, "support"), permissions.rolesOf(user.id()).stream().sorted().toList());
        Expect.json(200, user.api().get("/companies?size=1"));

        oneLineError("crm:role-delete " + name, "a held role");
        assertEquals("the held role stays", List.of("companies:read", "contacts:read:team"), permissions.permissionsOf(name));
        ok("crm:user-roles " + user.username() + " sales");
        ok("crm:role-delete " + name);
        Expect.problem(404, admin.get("/roles/" + name));
    }

    /** crm:team-add, team-join, team-show, team-list, team-leave and team-delete. */
    public void teamsInTheShell() {
        EnrolledUser user = EnrolledUser.create(admin, clients, "shell-team", "sales");
        String team = PermissionsApi.newName("shell-team");
        ok("crm:team-add " + team);
        assertTrue("team-list shows the team", ok("crm:team-list").contains(team));
        ok("crm:team-join " + team + " " + user.username());
        assertEquals(List.of(user.id()), permissions.membersOf(team));
        assertTrue("team-show shows the member", ok("crm:team-show " + team).contains(user.username()));
        ok("crm:team-leave " + team + " " + user.username());
        assertEquals(List.of(), permissions.membersOf(team));
        ok("crm:team-delete " + team);
        Expect.problem(404, admin.get("/teams/" + team));
    }

    /** Unknown permissions, roles, users and teams, and built-in roles, each print one line and change nothing. */
    public void badPermissionInputPrintsOneLine() {
        String name = PermissionsApi.newName("shell-bad");
        oneLineError("crm:role-add " + name + " nosuch:thing", "an unknown permission");
        Expect.problem(404, admin.get("/roles/" + name));
        oneLineError("crm:role-grant sales contacts:read:all", "a built-in role");
        assertFalse(permissions.permissionsOf("sales").contains("contacts:read:all"));
        oneLineError("crm:role-delete " + PermissionsApi.newName("none"), "an unknown role");
        oneLineError("crm:role-show " + PermissionsApi.newName("none"), "an unknown role");
        oneLineError("crm:user-roles " + PermissionsApi.newName("nobody") + " sales", "an unknown user");
        EnrolledUser user = EnrolledUser.create(admin, clients, "shell-bad", "sales");
        oneLineError("crm:user-roles " + user.username() + " no-such-role", "an unknown role for a user");
        assertEquals(List.of("sales"), permissions.rolesOf(user.id()));
        oneLineError("crm:team-show " + PermissionsApi.newName("none"), "an unknown team");
        oneLineError("crm:team-join " + PermissionsApi.newName("none") + " " + user.username(), "an unknown team");
    }

    /** Runs a command as the console admin and asserts it reported no error. */
    private String ok(String command) {
        String output = shell.executeAsUser(AdminSession.USERNAME, "admin", command);
        String lower = output.toLowerCase(Locale.ROOT);
        assertFalse(command + " succeeds; it printed: " + output, lower.contains("error") || lower.contains("exception")
                || lower.contains("command not found"));
        return output;
    }

    private void oneLineError(String command, String what) {
        String output = shell.executeAsUser(AdminSession.USERNAME, "admin", command);
        List<String> lines = Arrays.stream(output.split("\\R")).filter(line -> !line.isBlank()).toList();
        assertEquals(command + " (" + what + ") prints one line, printed:\n" + output, 1, lines.size());
        String line = lines.get(0).toLowerCase(Locale.ROOT);
        assertTrue(command + " says what is wrong: " + line, line.contains("error") || line.contains("not found")
                || line.contains("invalid") || line.contains("unknown") || line.contains("cannot"));
        assertFalse(command + " shows no exception: " + line, line.contains("exception") || line.contains("\tat "));
        assertFalse(command + " is a command that exists: " + line, line.contains("command not found"));
    }
}
