package org.bastion.crm.itests.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.KarafLog;

/**
 * Runs command lines over a real SSH connection to the container's Karaf shell, logged in as the suite's admin (the
 * password followed by a fresh TOTP code), as an operator's {@code ssh admin@host 'crm:...'} does. Karaf ends the
 * connection once the command has run, so each command gets a connection (and a code) of its own.
 */
final class SshCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SshCommands() {
    }

    /** Runs one command line as the admin of {@code admin} and returns what it printed. */
    static String runAs(AdminSession admin, String commandLine) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ClientSession session = client.connect(AdminSession.USERNAME, "127.0.0.1", sshPort()).verify(TIMEOUT)
                .getSession()) {
            session.addPasswordIdentity(admin.password() + admin.app().nextCode());
            session.auth().verify(TIMEOUT);
            try (ChannelExec channel = session.createExecChannel(commandLine)) {
                channel.setOut(output);
                channel.setErr(output);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
        } catch (IOException e) {
            if (output.size() == 0) {
                throw new AssertionError("over SSH, '" + commandLine + "' failed: " + e, e);
            }
            // Karaf closes the connection right after the command: what it printed arrived before
        } finally {
            client.stop();
        }
        return output.toString(StandardCharsets.UTF_8);
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
