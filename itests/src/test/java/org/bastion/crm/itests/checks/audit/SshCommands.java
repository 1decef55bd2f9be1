package org.bastion.crm.itests.checks.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.KarafLog;

/**
 * A real SSH session to the container's Karaf shell, logged in through the CRM realm (password followed by the
 * current TOTP code), running commands as an SSH client would ({@code ssh admin@host 'crm:team-add x'}).
 */
final class SshCommands implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SshClient client;
    private final ClientSession session;
    private final List<String> closeReasons;

    private SshCommands(SshClient client, ClientSession session, List<String> closeReasons) {
        this.client = client;
        this.session = session;
        this.closeReasons = closeReasons;
    }

    /** Logs in as {@code username} with {@code passwordAndCode}; fails when the server refuses. */
    static SshCommands login(String username, String passwordAndCode) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        List<String> closeReasons = new CopyOnWriteArrayList<>();
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionDisconnect(Session session, int reason, String msg, String language,
                    boolean initiator) {
                closeReasons.add("disconnect " + reason + " '" + msg + "' by " + (initiator ? "client" : "server"));
            }

            @Override
            public void sessionException(Session session, Throwable t) {
                closeReasons.add("exception " + t);
            }

            @Override
            public void sessionClosed(Session session) {
                closeReasons.add("closed");
            }
        });
        client.start();
        try {
            ClientSession session = client.connect(username, "127.0.0.1", sshPort()).verify(TIMEOUT).getSession();
            session.addPasswordIdentity(passwordAndCode);
            session.auth().verify(TIMEOUT);
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.AUTHED, ClientSession.ClientSessionEvent.CLOSED),
                    TIMEOUT);
            return new SshCommands(client, session, closeReasons);
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

    /**
     * Runs {@code command}; its standard output and error together. Right after authentication the client may still be
     * switching to the connection service (a channel is then refused as "session is being closed"): retried, polling.
     */
    String run(String command) {
        return Await.until("SSH command " + command + " to run", TIMEOUT, () -> runOnce(command), output -> true);
    }

    private String runOnce(String command) {
        if (session.isClosed()) {
            throw new AssertionError("the SSH session was closed: " + closeReasons);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(output);
            channel.setErr(output);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("SSH command " + command + " failed: " + e, e);
        }
        return output.toString(StandardCharsets.UTF_8);
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
