package org.bastion.crm.itests.support;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Logs the first administrator in once per suite (the container boots once per suite): reads the generated password
 * from {@code ${karaf.data}/initial-admin-password}, gets the enrolment-only token, enrols and confirms TOTP, logs that
 * token out, logs in again with the second factor and keeps the resulting token for every check.
 */
public final class AdminLogin {

    /** The file the CRM writes the first admin's random password to (config {@code adminPasswordFile}). */
    public static final String PASSWORD_FILE = "initial-admin-password";

    private static AdminSession session;

    private AdminLogin() {
    }

    /** The admin session of this suite, set up on the first call; {@code timeout} bounds waiting for the login endpoint. */
    public static synchronized AdminSession establish(ApiClients clients, Duration timeout) {
        if (session == null) {
            session = logIn(clients, timeout);
        }
        return session;
    }

    /** The admin session set up by {@link #establish}; fails if there is none. */
    public static synchronized AdminSession current() {
        if (session == null) {
            throw new IllegalStateException("the suite has not logged the admin in");
        }
        return session;
    }

    /**
     * Logs the admin in again (password and the enrolled authenticator app) after a restore ended every session (a
     * restore replaces the users, and their sessions go with them); later checks of the suite use the new session.
     */
    public static synchronized AdminSession logInAgain(ApiClients clients) {
        AdminSession old = current();
        String token = new Logins(clients).tokenWithTotp(AdminSession.USERNAME, old.password(), old.app());
        session = new AdminSession(old.password(), old.passwordFilePermissions(), old.usernamesAtBoot(),
                old.enrolment(), token);
        return session;
    }

    /** The path of the first admin's password file in the running container. */
    public static Path passwordFile() {
        return KarafLog.dataFolder().resolve(PASSWORD_FILE);
    }

    private static AdminSession logIn(ApiClients clients, Duration timeout) {
        Path file = passwordFile();
        Await.until(file + " to be written (the suites need the generated password: CRM_ADMIN_PASSWORD must not be set)",
                timeout, () -> Files.isRegularFile(file), written -> written);
        // the CRM writes the file before it stores the admin (an argon2id hash later): a login in between is a 401
        Await.until("the first administrator to be stored (health: security UP)", timeout,
                () -> securityHealth(clients.anonymous()), "UP"::equals);
        Set<PosixFilePermission> permissions = permissionsOf(file);
        String password = firstLine(file);
        Logins logins = new Logins(clients);
        // 404/503 while the login resource is not registered yet: nothing was checked, so no failure is counted
        ApiResponse first = Await.until("POST /api/v1/auth/login to be registered", timeout,
                () -> logins.passwordStep(AdminSession.USERNAME, password), r -> r.status() != 404 && r.status() != 503);
        JsonNode body = Expect.json(200, first);
        assertTrue("the first admin must enrol TOTP before anything else: " + body.fieldNames(),
                body.path("totpEnrolmentRequired").asBoolean());
        String enrolmentToken = body.path("token").asText();
        Enrolment enrolment = logins.enrol(enrolmentToken);
        logins.logout(enrolmentToken);
        String token = logins.tokenWithTotp(AdminSession.USERNAME, password, enrolment.app());
        JsonNode users = Expect.json(200, clients.withToken(token).get("/users?size=100"));
        List<String> usernames = users.path("items").findValuesAsText("username");
        return new AdminSession(password, permissions, usernames, enrolment, token);
    }

    private static String securityHealth(CrmApi anonymous) {
        ApiResponse health = anonymous.get("/health");
        if (health.status() != 200 && health.status() != 503) {
            return "HTTP " + health.status();
        }
        for (JsonNode component : health.json().path("components")) {
            if ("security".equals(component.path("component").asText())) {
                return component.path("state").asText();
            }
        }
        return "absent";
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(line -> !line.isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " holds no password"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Set<PosixFilePermission> permissionsOf(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }
}
