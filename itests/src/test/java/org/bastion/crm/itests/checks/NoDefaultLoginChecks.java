package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The distribution ships without any login: etc/users.properties defines groups only, and the Karaf realm knows no
 * user (not the stock karaf/karaf). Runs inside the container.
 */
public final class NoDefaultLoginChecks {

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

    /** The Karaf realm (SSH, web console, JMX) refuses the stock karaf/karaf and an empty login. */
    public void stockCredentialsAreRefused() {
        for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"", ""}}) {
            boolean refused;
            try {
                LoginContext login = new LoginContext("karaf", callbacks -> {
                    for (Callback callback : callbacks) {
                        if (callback instanceof NameCallback name) {
                            name.setName(credentials[0]);
                        } else if (callback instanceof PasswordCallback password) {
                            password.setPassword(credentials[1].toCharArray());
                        }
                    }
                });
                login.login();
                refused = false;
            } catch (FailedLoginException | AccountException e) {
                refused = true; // the realm exists and looked the user up: a missing realm would not say this
            } catch (LoginException e) {
                throw new AssertionError("the karaf realm itself failed, so nothing was proved: " + e, e);
            }
            assertTrue("the karaf realm refuses " + credentials[0] + "/" + credentials[1], refused);
        }
    }
}
