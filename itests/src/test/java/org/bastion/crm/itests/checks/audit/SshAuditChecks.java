package org.bastion.crm.itests.checks.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.UUID;

import org.bastion.crm.itests.checks.audit.AuditRows.Row;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.TestUser;

/**
 * Logins over a real SSH session (a refused one with the typed name, the admin's with its second factor), recorded
 * with the SSH client's address and channel {@code ssh}; shell changes on the local console, channel {@code console}.
 */
public final class SshAuditChecks {

    private final AdminSession admin;
    private final CrmUsers users;
    private final AuditRows rows;

    public SshAuditChecks(AdminSession admin, CrmApi adminApi, CrmDatabase database) {
        this.admin = admin;
        this.users = new CrmUsers(adminApi);
        this.rows = new AuditRows(database);
    }

    /** Refused SSH logins (an unknown user, a user who is not an administrator) and the admin's SSH login. */
    public void sshLoginsAreRecordedOnChannelSsh() {
        String typed = "s-ssh-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue("an unknown user is refused", SshCommands.refused(typed, "wrong password 123456"));
        Row failed = rows.await("auth.login.failed", "actor_name = ?", typed);
        assertSsh(failed);
        assertEquals("anonymous", failed.actorId());

        // the shell's denial: only administrators (who hold every permission) may have a shell; anyone else is
        // refused at the login, and that refusal is the entry
        TestUser sales = users.create("s-sshsales", "sales");
        assertTrue("a user without the admin role is refused the shell",
                SshCommands.refused(sales.username(), sales.password() + "123456"));
        Row notAdmin = rows.await("auth.login.failed", "target_id = ? AND channel = 'ssh'", sales.id());
        assertSsh(notAdmin);
        assertTrue("refused as not an administrator: " + notAdmin, notAdmin.details().contains("not-admin"));

        long before = rows.highestId();
        try (SshCommands ssh = SshCommands.login(AdminSession.USERNAME, admin.password() + admin.app().nextCode())) {
            Row login = rows.await("auth.login.succeeded", "channel = 'ssh' AND id > ?", before);
            assertSsh(login);
            assertEquals(login.actorId(), login.targetId());
            rows.await("auth.mfa.passed", "channel = 'ssh' AND id > ?", before);
        }
    }

    /**
     * A team and a role created, a user disabled and enabled, by shell commands on the local console (channel
     * {@code console}, the Karaf user {@code karaf}).
     */
    public void shellChangesOnTheLocalConsoleAreRecorded(KarafShell shell) {
        String team = "s-conteam-" + UUID.randomUUID().toString().substring(0, 8);
        String role = "s-conrole-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser user = users.create("s-conuser");
        String out = shell.executeOnLocalConsole("crm:team-add " + team);
        assertFalse("team-add: " + out, out.toLowerCase(Locale.ROOT).contains("error"));
        assertConsole(rows.await("team.created", "target_id = ?", team));
        out = shell.executeOnLocalConsole("crm:role-add " + role + " contacts:read:own");
        assertFalse("role-add: " + out, out.toLowerCase(Locale.ROOT).contains("error"));
        assertConsole(rows.await("role.created", "target_id = ?", role));
        shell.executeOnLocalConsole("crm:user-disable " + user.username());
        assertConsole(rows.await("user.disabled", "target_id = ?", user.id()));
        shell.executeOnLocalConsole("crm:user-enable " + user.username());
        assertConsole(rows.await("user.enabled", "target_id = ?", user.id()));
    }

    private static void assertConsole(Row row) {
        assertEquals("channel of " + row, "console", row.channel());
        assertEquals("the console's Karaf user acts: " + row, "karaf", row.actorId());
    }

    static void assertSsh(Row row) {
        assertEquals("channel of " + row, "ssh", row.channel());
        assertTrue("the SSH client's address: " + row, SecurityAuditChecks.LOOPBACK.contains(row.address()));
    }
}
