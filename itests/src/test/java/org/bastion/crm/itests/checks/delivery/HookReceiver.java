package org.bastion.crm.itests.checks.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A webhook receiver run by the test inside the container: HTTPS on a free port of 127.0.0.1 with the container's own
 * self-signed certificate ({@code etc/crm-tls.p12}), one request per connection; answers 503 to the first
 * {@code failures} requests and 200 after.
 */
final class HookReceiver implements AutoCloseable {

    /** One request as received: lower-case header names. */
    record Received(Map<String, String> headers, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final Path keystore;
    final String password;
    private final AtomicInteger failuresLeft;
    private final SSLServerSocket server;
    private final Thread acceptor;

    HookReceiver(int failures) throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        keystore = etc.resolve("crm-tls.p12");
        password = Files.readString(etc.resolve("crm-tls.p12.password"), StandardCharsets.US_ASCII).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        failuresLeft = new AtomicInteger(failures);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(this::serve, "itest-hook-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                handle(socket.getInputStream(), socket.getOutputStream());
            } catch (IOException | RuntimeException closedOrBroken) {
                // next connection (or closed)
            }
        }
    }

    private void handle(InputStream in, OutputStream out) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        String requestLine = line(in);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (requestLine.startsWith("POST /hook ")) {
            received.add(new Received(headers, body));
        }
        int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Service Unavailable")
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
