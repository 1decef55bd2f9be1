package org.bastion.crm.itests.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.KarafLog;

/**
 * A real SSH session to the container's Karaf shell, logged in as the suite's admin (the password followed by a fresh
 * TOTP code), that runs command lines as an operator's {@code ssh admin@host 'crm:...'} does.
 */
final class SshCommands implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SshClient client;
    private final ClientSession session;

    private SshCommands(SshClient client, ClientSession session) {
        this.client = client;
        this.session = session;
    }

    /** Logs in as the admin of {@code admin} over SSH on the container's port. */
    static SshCommands loginAs(AdminSession admin) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            ClientSession session = client.connect(AdminSession.USERNAME, "127.0.0.1", sshPort()).verify(TIMEOUT)
                    .getSession();
            session.addPasswordIdentity(admin.password() + admin.app().nextCode());
            session.auth().verify(TIMEOUT);
            return new SshCommands(client, session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw new AssertionError("SSH login of " + AdminSession.USERNAME + " failed: " + e, e);
        }
    }

    /** Runs one command line and returns what it printed; a failing command fails the check with its output. */
    String run(String commandLine) {
        try {
            return session.executeRemoteCommand(commandLine);
        } catch (IOException e) {
            throw new AssertionError("over SSH, '" + commandLine + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            // the session is gone either way
        } finally {
            client.stop();
        }
    }

    private static int sshPort() {
        Properties shell = new Properties();
        Path file = KarafLog.etcFolder().resolve("org.apache.karaf.shell.cfg");
        try (InputStream in = Files.newInputStream(file)) {
            shell.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Integer.parseInt(shell.getProperty("sshPort").trim());
    }
}
