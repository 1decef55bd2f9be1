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
import org.bastion.crm.itests.support.TestUser;

/**
 * The same families over a real SSH session: a refused SSH login (typed name, channel {@code ssh}), the admin's
 * login, and changes made by shell commands, each recorded with the SSH client's address and channel {@code ssh}.
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

    /** A refused SSH login and the admin's SSH login. */
    public void sshLoginsAreRecordedOnChannelSsh() {
        String typed = "s-ssh-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue("an unknown user is refused", SshCommands.refused(typed, "wrong password 123456"));
        Row failed = rows.await("auth.login.failed", "actor_name = ?", typed);
        assertSsh(failed);
        assertEquals("anonymous", failed.actorId());

        long before = rows.highestId();
        try (SshCommands ssh = SshCommands.login(AdminSession.USERNAME, admin.password() + admin.app().nextCode())) {
            Row login = rows.await("auth.login.succeeded", "channel = 'ssh' AND id > ?", before);
            assertSsh(login);
            assertEquals(login.actorId(), login.targetId());
            rows.await("auth.mfa.passed", "channel = 'ssh' AND id > ?", before);
        }
    }

    /** A team and a role created, a user disabled and enabled, by shell commands over SSH. */
    public void shellChangesOverSshAreRecordedOnChannelSsh() {
        String team = "s-sshteam-" + UUID.randomUUID().toString().substring(0, 8);
        String role = "s-sshrole-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser user = users.create("s-sshuser");
        try (SshCommands ssh = SshCommands.login(AdminSession.USERNAME, admin.password() + admin.app().nextCode())) {
            String out = ssh.run("crm:team-add " + team);
            assertFalse("team-add: " + out, out.toLowerCase(Locale.ROOT).contains("error"));
            assertSsh(rows.await("team.created", "target_id = ?", team));
            out = ssh.run("crm:role-add " + role + " contacts:read:own");
            assertFalse("role-add: " + out, out.toLowerCase(Locale.ROOT).contains("error"));
            Row created = rows.await("role.created", "target_id = ?", role);
            assertSsh(created);
            assertFalse("the admin acts: " + created, created.actorId().equals("anonymous"));
            ssh.run("crm:user-disable " + user.username());
            assertSsh(rows.await("user.disabled", "target_id = ?", user.id()));
            ssh.run("crm:user-enable " + user.username());
            assertSsh(rows.await("user.enabled", "target_id = ?", user.id()));
        }
    }

    static void assertSsh(Row row) {
        assertEquals("channel of " + row, "ssh", row.channel());
        assertTrue("the SSH client's address: " + row, SecurityAuditChecks.LOOPBACK.contains(row.address()));
    }
}
