package org.bastion.crm.itests.support;

import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * The first administrator as the suite found and set it up once: its generated password and how the password file
 * was protected, the users that existed at boot, its TOTP enrolment and its bearer token for the whole suite.
 *
 * @param password the password read from {@code ${karaf.data}/initial-admin-password}
 * @param passwordFilePermissions the POSIX permissions of that file when it was read
 * @param usernamesAtBoot every username {@code GET /users} listed right after the admin's first login
 * @param enrolment the admin's authenticator app and recovery codes
 * @param token the admin's bearer token (a full session, after the second factor)
 */
public record AdminSession(String password, Set<PosixFilePermission> passwordFilePermissions,
        List<String> usernamesAtBoot, Enrolment enrolment, String token) {

    /** The first administrator's username. */
    public static final String USERNAME = "admin";

    public AdminSession {
        passwordFilePermissions = Set.copyOf(passwordFilePermissions);
        usernamesAtBoot = List.copyOf(usernamesAtBoot);
    }

    /** The admin's authenticator app. */
    public AuthenticatorApp app() {
        return enrolment.app();
    }

    @Override
    public String toString() {
        return "AdminSession[password=***, token=***]";
    }
}
