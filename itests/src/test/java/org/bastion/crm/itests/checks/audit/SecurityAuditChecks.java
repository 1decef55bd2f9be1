package org.bastion.crm.itests.checks.audit;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.itests.checks.audit.AuditRows.Row;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * Authentication, user administration, roles, teams and keys recorded over REST, read back from the trail's table:
 * the actor (the typed name for a failed login), channel {@code rest}, the client's address, the target and details
 * naming reasons, roles and permissions, never a password.
 */
public final class SecurityAuditChecks {

    /** The addresses a client on this machine is seen from. */
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    private final CrmApi admin;
    private final CrmUsers users;
    private final Logins logins;
    private final AuditRows rows;

    public SecurityAuditChecks(CrmApi admin, ApiClients clients, CrmDatabase database) {
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.rows = new AuditRows(database);
    }

    /** A failed login (typed name, reason, no password), a login and a logout, each with the REST client's address. */
    public void authenticationIsRecordedWithTheClient() {
        String typed = " S-Nobody-" + UUID.randomUUID().toString().substring(0, 8) + " ";
        String password = "never-in-the-trail-" + UUID.randomUUID();
        assertEquals(401, logins.passwordStep(typed, password).status());
        Row failed = rows.await("auth.login.failed", "actor_name = ?", typed.strip().toLowerCase(Locale.ROOT));
        assertEquals("anonymous", failed.actorId());
        assertRest(failed);
        assertTrue("the reason is named: " + failed, failed.details().contains("unknown-user"));
        assertEquals(0, rows.count("auth.login.failed", "details LIKE ?", "%" + password + "%"));

        TestUser user = users.create("s-auth");
        String token = logins.token(user.username(), user.password());
        Row login = rows.await("auth.login.succeeded", "actor_id = ?", user.id());
        assertRest(login);
        assertEquals(user.id(), login.targetId());
        assertFalse("no token in the trail", login.details().contains(token));
        logins.logout(token);
        assertRest(rows.await("auth.logout", "actor_id = ?", user.id()));
    }

    /** Creating, disabling, enabling a user and changing its roles: each by the administrator, targeting the user. */
    public void userAdministrationIsRecorded() {
        TestUser user = users.create("s-admin");
        Row created = rows.await("user.created", "target_id = ?", user.id());
        assertRest(created);
        assertFalse("the administrator acts: " + created, created.actorId().equals("anonymous"));
        assertFalse("no password in the trail", created.details().contains(user.password()));
        assertFalse("no e-mail address in the trail", created.details().contains("@example.com"));
        Expect.status(200, admin.post(user.path() + "/disable", null));
        rows.await("user.disabled", "target_id = ?", user.id());
        Expect.status(200, admin.post(user.path() + "/enable", null));
        rows.await("user.enabled", "target_id = ?", user.id());
        Expect.status(200, admin.put(user.path() + "/roles", object("roles", List.of("support"))));
        Row roles = rows.await("user.roles.changed", "target_id = ?", user.id());
        assertTrue("the roles granted and revoked are named: " + roles, roles.details().contains("support")
                && roles.details().contains("sales"));
        Expect.status(200, admin.post(user.path() + "/reset-password", object("password", CrmUsers.newPassword())));
        rows.await("auth.password.reset", "target_id = ?", user.id());
    }

    /** A role created, changed and deleted (permissions granted and revoked named); a team with a member. */
    public void rolesAndTeamsAreRecorded() {
        String role = "s-role-" + UUID.randomUUID().toString().substring(0, 8);
        Expect.status(201, admin.post("/roles", object("name", role, "description", "audit check",
                "permissions", List.of("contacts:read:own"))));
        Row created = rows.await("role.created", "target_kind = 'role' AND target_id = ?", role);
        assertRest(created);
        assertTrue("the permissions granted: " + created, created.details().contains("contacts:read:own"));
        Expect.status(200, admin.put("/roles/" + role, object("description", "audit check",
                "permissions", List.of("contacts:read:all"))));
        Row updated = rows.await("role.updated", "target_id = ?", role);
        assertTrue("granted and revoked: " + updated, updated.details().contains("contacts:read:all")
                && updated.details().contains("contacts:read:own"));
        Expect.status(204, admin.delete("/roles/" + role));
        rows.await("role.deleted", "target_id = ?", role);

        String team = "s-team-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser member = users.create("s-member");
        Expect.status(201, admin.post("/teams", object("name", team, "description", "audit check")));
        assertRest(rows.await("team.created", "target_kind = 'team' AND target_id = ?", team));
        Expect.status(200, admin.put("/teams/" + team + "/members/" + member.id(), null));
        Row added = rows.await("team.member.added", "target_id = ?", team);
        assertTrue("the member is named: " + added, added.details().contains(member.id()));
        Expect.status(200, admin.delete("/teams/" + team + "/members/" + member.id()));
        rows.await("team.member.removed", "target_id = ?", team);
        Expect.status(204, admin.delete("/teams/" + team));
        rows.await("team.deleted", "target_id = ?", team);
    }

    /** A backup key rotation: started (in its transaction) and finished, with purpose and versions only. */
    public void keyRotationIsRecorded() {
        int status = admin.post("/keys/backup/rotations", null).status();
        assertTrue("the rotation starts: " + status, status == 202 || status == 201 || status == 200);
        Row started = rows.await("key.rotation.started", "details LIKE ?", "%backup%");
        assertRest(started);
        assertEquals("key-rotation", started.targetKind());
        Row finished = rows.await("key.rotation.finished", "target_id = ?", started.targetId());
        assertEquals("success", finished.outcome().toLowerCase(Locale.ROOT));
    }

    static void assertRest(Row row) {
        assertEquals("channel of " + row, "rest", row.channel());
        assertTrue("the client's address: " + row, LOOPBACK.contains(row.address()));
    }
}
