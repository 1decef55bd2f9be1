package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafLog;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * User and session administration in the Karaf shell, as the console admin: {@code crm:user-add} (password from a
 * file), {@code crm:user-list}, {@code crm:user-disable}, {@code crm:user-unlock}, {@code crm:user-reset-2fa},
 * {@code crm:session-list} and {@code crm:session-revoke}, each cross-checked over the API.
 */
public final class ShellUserChecks {

    private final KarafShell shell;
    private final CrmUsers users;
    private final Logins logins;
    private final CrmApi admin;

    /** Checks with the shell, an administrator's client and clients from {@code clients}. */
    public ShellUserChecks(KarafShell shell, CrmApi admin, ApiClients clients) {
        this.shell = shell;
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
    }

    /**
     * A user added in the shell is listed and logs in over the API; once disabled in the shell its session ends and
     * its login gets the same answer as an unknown user.
     */
    public void userAddedAndDisabledInTheShell() {
        String username = CrmUsers.newUsername("shell");
        String password = CrmUsers.newPassword();
        Path passwordFile = writeSecret(password);
        String added;
        try {
            added = admin("crm:user-add --password-file " + passwordFile + " --display-name \"Shell User\" --email "
                    + username + "@example.com --role sales " + username);
        } finally {
            delete(passwordFile);
        }
        assertFalse("user-add prints no password: " + added, added.contains(password));
        String listed = admin("crm:user-list");
        assertTrue("user-list shows the new user: " + listed, listed.contains(username));

        String token = logins.token(username, password);
        JsonNode me = Expect.json(200, logins.session(token).get("/auth/me"));
        TestUser user = new TestUser(me.path("id").asText(), username, password);
        assertTrue("the shell gave the role: " + me, me.path("roles").toString().contains("sales"));

        admin("crm:user-disable " + username);
        assertFalse("disabling ends the user's sessions", logins.accepted(token));
        assertEquals("the user shows as disabled", "DISABLED",
                users.get(user).path("status").asText().toUpperCase(Locale.ROOT));
        ApiResponse disabled = logins.passwordStep(username, password);
        ApiResponse unknown = logins.passwordStep(CrmUsers.newUsername("nobody"), password);
        Expect.problem(401, disabled);
        Expect.problem(401, unknown);
        assertEquals("a disabled user gets the answer of an unknown one", Expect.bodyWithoutInstance(unknown),
                Expect.bodyWithoutInstance(disabled));
    }

    /** {@code crm:user-unlock} lifts a lockout; {@code crm:user-reset-2fa} removes TOTP so the password alone logs in. */
    public void userUnlockedAndTwoFactorResetInTheShell() {
        TestUser user = users.create("shell-unlock", "sales");
        for (int i = 0; i < 5; i++) {
            Expect.problem(401, logins.passwordStep(user.username(), CrmUsers.newPassword()));
        }
        Expect.problem(429, logins.passwordStep(user.username(), user.password()));
        admin("crm:user-unlock " + user.username());
        logins.enrol(logins.token(user.username(), user.password()));
        logins.challenge(user.username(), user.password());
        assertTrue("TOTP is on before the reset", users.get(user).path("totpEnabled").asBoolean());

        admin("crm:user-reset-2fa " + user.username());
        assertFalse("TOTP is off after the reset", users.get(user).path("totpEnabled").asBoolean());
        String token = logins.token(user.username(), user.password());
        assertFalse("TOTP stays off for the next login", Expect.json(200, logins.session(token).get("/auth/me"))
                .path("totpEnabled").asBoolean());
    }

    /** {@code crm:session-list} shows a user's session; {@code crm:session-revoke} ends it (401 for its token). */
    public void sessionListedAndRevokedInTheShell() {
        TestUser user = users.create("shell-session");
        String token = logins.token(user.username(), user.password());
        JsonNode sessions = Expect.json(200, logins.session(token).get("/auth/sessions"));
        String sessionId = sessions.path(0).path("id").asText();
        String listed = admin("crm:session-list");
        assertTrue("session-list shows the session and its user: " + listed,
                listed.contains(sessionId) && listed.contains(user.username()));
        assertFalse("session-list shows no token", listed.contains(token));

        admin("crm:session-revoke " + sessionId);
        assertFalse("the revoked session's token is refused", logins.accepted(token));
        String after = admin("crm:session-list");
        assertFalse("the revoked session is no longer listed: " + after, after.contains(sessionId));
    }

    /** Runs a command as the console admin and asserts it reported no error. */
    private String admin(String command) {
        String output = shell.executeAsUser(AdminSession.USERNAME, "admin", command);
        String lower = output.toLowerCase(Locale.ROOT);
        assertFalse(command + " succeeds; it printed: " + output, lower.contains("error") || lower.contains("exception")
                || lower.contains("command not found"));
        return output;
    }

    private static Path writeSecret(String secret) {
        try {
            Path folder = Files.createDirectories(KarafLog.dataFolder().resolve("itest-secrets"));
            Path file = Files.createTempFile(folder, "user-add", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the password file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
