package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.bastion.crm.itests.support.KarafLog;

/**
 * What the SSH server offers before anyone authenticates, read as a client's first look would read it: a plain TCP
 * connection, the version exchange and the server's SSH_MSG_KEXINIT (RFC 4253, section 7.1). The key exchange list
 * starts with curve25519; neither direction offers {@code zlib} (compression before authentication).
 */
public final class SshHandshakeChecks {

    private static final int SSH_MSG_KEXINIT = 20;
    private static final int TIMEOUT_MILLIS = 10_000;

    /** The server's KEXINIT: the kex list first, the compression lists (client to server, server to client) last. */
    public void kexInitOffersCurve25519FirstAndNoCompressionBeforeAuthentication() {
        List<List<String>> lists = kexInit("127.0.0.1", sshPort());
        List<String> kex = lists.get(0);
        System.out.println("SshHandshakeChecks: kex " + kex + "; host keys " + lists.get(1) + "; ciphers "
                + lists.get(2) + "; macs " + lists.get(4) + "; compression " + lists.get(6) + " / " + lists.get(7));
        assertTrue("the first key exchange offered is curve25519: " + kex, kex.get(0).startsWith("curve25519-sha256"));
        for (int direction : new int[] {6, 7}) {
            List<String> compression = lists.get(direction);
            assertFalse("no compression before authentication (zlib): " + compression, compression.contains("zlib"));
            assertTrue("none is offered: " + compression, compression.contains("none"));
        }
        assertFalse("no SHA-1 key exchange: " + kex, kex.stream().anyMatch(name -> name.contains("sha1")));
    }

    /**
     * Each exchange of {@code names} the server offers is really negotiated: a client offering only that one completes
     * the key exchange (the session reaches the authentication step, no login needed) and both sides agree on it.
     * Returns the exchanges the server offered and negotiated.
     */
    public List<String> offeredExchangesAreNegotiated(List<String> names) {
        int port = sshPort();
        List<String> offered = kexInit("127.0.0.1", port).get(0);
        List<String> negotiated = new ArrayList<>();
        for (String name : names) {
            if (!offered.contains(name)) {
                continue;
            }
            assertEquals("the key exchange agreed on", name, SshNegotiation.keyExchange("127.0.0.1", port, name));
            negotiated.add(name);
        }
        System.out.println("SshHandshakeChecks: offered and negotiated " + negotiated);
        return negotiated;
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

    /** The ten name-lists of the server's KEXINIT. */
    static List<List<String>> kexInit(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("SSH-2.0-BastionCrmItest_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String version;
            do {
                version = line(in);
            } while (!version.startsWith("SSH-"));
            assertTrue("an SSH 2.0 server: " + version, version.startsWith("SSH-2.0-"));
            int length = in.readInt();
            assertTrue("a plausible first packet length: " + length, length > 16 && length < 65_536);
            byte[] packet = new byte[length];
            in.readFully(packet);
            int padding = packet[0] & 0xff;
            DataInputStream payload = new DataInputStream(new java.io.ByteArrayInputStream(packet, 1, length - 1 - padding));
            assertEquals("the first message is SSH_MSG_KEXINIT", SSH_MSG_KEXINIT, payload.readUnsignedByte());
            payload.readFully(new byte[16]);
            List<List<String>> lists = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] names = new byte[payload.readInt()];
                payload.readFully(names);
                String text = new String(names, StandardCharsets.US_ASCII);
                lists.add(text.isEmpty() ? List.of() : Arrays.asList(text.split(",")));
            }
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException("SSH handshake with " + host + ":" + port + " failed: " + e, e);
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection during the version exchange");
            }
            if (b != '\r') {
                line.append((char) b);
            }
            if (line.length() > 255) {
                throw new IOException("version line too long");
            }
        }
        return line.toString();
    }
}
