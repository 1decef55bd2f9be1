package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.AdminSession;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * No default credentials anywhere: etc/users.properties defines groups only, the Karaf realm (the CRM's login
 * module) refuses the stock karaf/karaf and admin/admin, and after the first boot the only user is {@code admin}, with
 * a random password that is no common one, written to an owner-only file. Runs inside the container.
 */
public final class NoDefaultLoginChecks {

    /** Where crm-security ships its list of common passwords (inside its bundle). */
    private static final String COMMON_PASSWORDS = "org/bastion/crm/security/internal/password/common-passwords.txt";

    /** Checks the users file of the running container. */
    public void usersFileHasNoUser() throws IOException {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(users)) {
            entries.load(in);
        }
        List<String> notGroups = entries.stringPropertyNames().stream().filter(name -> !name.startsWith("_g_:")).toList();
        assertEquals("users defined in " + users, List.of(), notGroups);
        assertTrue("the admin group is there for an operator to join", entries.containsKey("_g_:admingroup"));
    }

    /** The Karaf realm (SSH, web console, JMX) refuses the stock karaf/karaf, admin/admin and an empty login. */
    public void stockCredentialsAreRefused() {
        for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"", ""}}) {
            ConsoleLoginChecks.assertRefused(credentials[0], credentials[1], credentials[0] + "/" + credentials[1]);
        }
    }

    /** Right after the first boot, {@code admin} was the only user. */
    public void onlyTheFirstAdminExistedAtBoot(AdminSession admin) {
        assertEquals("the users after the first boot", List.of(AdminSession.USERNAME), admin.usernamesAtBoot());
    }

    /**
     * The first admin's password came from an owner-only file (rw-------), is long and random, and is none of the
     * common passwords crm-security refuses.
     */
    public void firstAdminPasswordIsRandomAndOwnerOnly(AdminSession admin, BundleContext bundleContext)
            throws IOException {
        assertEquals("permissions of " + AdminLogin.passwordFile(), PosixFilePermissions.fromString("rw-------"),
                admin.passwordFilePermissions());
        String password = admin.password();
        assertTrue("the generated password has at least 20 characters (24 by the contract): " + password.length(),
                password.length() >= 20);
        long distinct = password.chars().distinct().count();
        assertTrue("the generated password looks random (" + distinct + " distinct characters)", distinct >= 10);
        assertFalse("the generated password does not contain the username",
                password.toLowerCase(Locale.ROOT).contains(AdminSession.USERNAME));
        Set<String> common = commonPasswords(bundleContext);
        assertTrue("the shipped common-password list is found and not empty", common.size() >= 1000);
        assertFalse("the generated password is not a common one", common.contains(password.toLowerCase(Locale.ROOT)));
        for (String stock : List.of("admin", "karaf", "password", "changeme", "secret")) {
            assertFalse("not a stock password", password.equalsIgnoreCase(stock));
        }
    }

    private static Set<String> commonPasswords(BundleContext bundleContext) throws IOException {
        URL list = Arrays.stream(bundleContext.getBundles()).map(bundle -> entry(bundle)).filter(url -> url != null)
                .findFirst().orElseThrow(() -> new AssertionError("no bundle ships " + COMMON_PASSWORDS));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
    }

    private static URL entry(Bundle bundle) {
        return bundle.getEntry(COMMON_PASSWORDS);
    }
}
