package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.AuthenticatorApp;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * The Karaf JAAS realm {@code karaf} (SSH shell, web console, JMX) as the CRM's login module answers it, run in the
 * container: admins with TOTP get in with the current code appended to the password; no code, or no admin role, is
 * refused.
 */
public final class ConsoleLoginChecks {

    private static final String REALM = "karaf";

    private final AdminSession admin;
    private final CrmUsers users;
    private final Logins logins;
    private final CrmApi anonymous;

    /** Checks with the suite's admin session, its client (to create users) and clients from {@code clients}. */
    public ConsoleLoginChecks(AdminSession admin, CrmApi adminApi, ApiClients clients) {
        this.admin = admin;
        this.users = new CrmUsers(adminApi);
        this.logins = new Logins(clients);
        this.anonymous = clients.anonymous();
    }

    /**
     * The web console, served over HTTPS by the same Jetty, asks for HTTP Basic credentials and takes them from the CRM
     * realm: nothing, or the admin's password alone, is 401; the password followed by the current code is 200.
     */
    public void webConsoleOverHttpsNeedsAnAdminsPasswordAndCode() {
        String console = anonymous.uri("/health").resolve("/system/console/bundles").toString();
        assertEquals("without credentials", 401, anonymous.get(console).status());
        assertEquals("the admin's password without a code", 401,
                anonymous.get(console, "Authorization", basic(AdminSession.USERNAME, admin.password())).status());
        assertEquals("the admin's password and the current code", 200, anonymous.get(console, "Authorization",
                basic(AdminSession.USERNAME, admin.password() + admin.app().nextCode())).status());
    }

    private static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The admin's password followed by the current TOTP code logs in with the admin and ssh roles. */
    public void adminWithPasswordAndCodeGetsTheShellRoles() throws LoginException {
        LoginContext login = context(AdminSession.USERNAME, admin.password() + admin.app().nextCode());
        login.login();
        Subject subject = login.getSubject();
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(Collectors.toSet());
        Set<String> names = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName)
                .collect(Collectors.toSet());
        assertTrue("the admin and ssh roles: " + roles, roles.contains("admin") && roles.contains("ssh"));
        assertTrue("the user principal is the admin: " + names, names.contains(AdminSession.USERNAME));
        login.logout();
    }

    /** The admin's right password without a code is refused. */
    public void adminPasswordWithoutCodeIsRefused() {
        assertRefused(AdminSession.USERNAME, admin.password(), "the admin's password without a TOTP code");
    }

    /** A user without the admin role is refused even with the right password and a valid code. */
    public void nonAdminIsRefusedEvenWithPasswordAndCode() {
        TestUser user = users.create("console", "sales");
        AuthenticatorApp app = logins.enrol(logins.token(user.username(), user.password())).app();
        assertRefused(user.username(), user.password() + app.nextCode(), "a sales user with password and code");
    }

    /** Asserts that the realm refuses the credentials with the exception of a checked login, not of a broken realm. */
    static void assertRefused(String username, String password, String what) {
        boolean refused;
        try {
            context(username, password).login();
            refused = false;
        } catch (FailedLoginException | AccountException e) {
            refused = true; // the realm exists and checked the credentials: a missing realm would not say this
        } catch (LoginException e) {
            throw new AssertionError("the karaf realm itself failed for " + what + ", so nothing was proved: " + e, e);
        }
        assertTrue("the karaf realm refuses " + what, refused);
    }

    private static LoginContext context(String username, String password) throws LoginException {
        return new LoginContext(REALM, callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(username);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                }
            }
        });
    }
}
