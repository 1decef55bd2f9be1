package org.bastion.crm.itests.checks.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.bastion.crm.itests.support.KarafLog;

/**
 * A real SSH session to the container's Karaf shell, logged in through the CRM realm (password followed by the
 * current TOTP code). It logs in only: commands sent on an exec channel right after the login found the session
 * closed by the server (no disconnect message) in this harness, so shell changes are checked on the local console.
 */
final class SshCommands implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SshClient client;
    private final ClientSession session;
    private SshCommands(SshClient client, ClientSession session) {
        this.client = client;
        this.session = session;
    }

    /** Logs in as {@code username} with {@code passwordAndCode}; fails when the server refuses. */
    static SshCommands login(String username, String passwordAndCode) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            ClientSession session = client.connect(username, "127.0.0.1", sshPort()).verify(TIMEOUT).getSession();
            session.addPasswordIdentity(passwordAndCode);
            session.auth().verify(TIMEOUT);
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.AUTHED, ClientSession.ClientSessionEvent.CLOSED),
                    TIMEOUT);
            return new SshCommands(client, session);
        } catch (IOException e) {
            client.stop();
            throw new UncheckedIOException("SSH login of " + username + " failed: " + e, e);
        }
    }

    /** Whether the server refuses {@code username} with {@code password} (the attempt is made). */
    static boolean refused(String username, String password) {
        try (SshCommands ignored = login(username, password)) {
            return false;
        } catch (UncheckedIOException expected) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            // closing
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
