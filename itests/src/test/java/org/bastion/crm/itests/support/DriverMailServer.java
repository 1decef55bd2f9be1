package org.bastion.crm.itests.support;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Driver side: a GreenMail SMTP and POP3 server on free ports of 127.0.0.1, started once per test JVM (it lives as
 * long as the suite), with one mailbox ({@link #RECIPIENT}); the container is told its ports by system properties.
 */
public final class DriverMailServer {

    public static final String SMTP_PORT_PROPERTY = "crm.itest.smtp.port";
    public static final String POP3_PORT_PROPERTY = "crm.itest.pop3.port";
    public static final String RECIPIENT = "soc@example.org";
    public static final String PASSWORD = "soc-mailbox";

    private static GreenMail server;

    private DriverMailServer() {
    }

    /** Starts the server (once) and returns the options that tell the container where it is. */
    public static synchronized Option[] options() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
            started.setUser(RECIPIENT, RECIPIENT, PASSWORD);
            started.start();
            server = started;
        }
        return new Option[] {
            systemProperty(SMTP_PORT_PROPERTY).value(Integer.toString(server.getSmtp().getPort())),
            systemProperty(POP3_PORT_PROPERTY).value(Integer.toString(server.getPop3().getPort()))};
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
