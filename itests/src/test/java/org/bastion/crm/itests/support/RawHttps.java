package org.bastion.crm.itests.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTP/1.1 client over TLS that sends requests exactly as given (raw target, any Content-Type, any bytes)
 * on one kept-alive connection, from a chosen local address: what a hostile client sends, which {@code HttpClient}
 * would refuse or tidy up. Not thread-safe; trusts only the container's certificate ({@link ContainerTrust}).
 */
public final class RawHttps implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final InetSocketAddress localAddress;
    private SSLSocket socket;
    private InputStream in;
    private OutputStream out;

    /** A client of {@code host:port} connecting from {@code localAddress} (null: any). */
    public RawHttps(String host, int port, InetSocketAddress localAddress) {
        this.host = host;
        this.port = port;
        this.localAddress = localAddress;
    }

    /**
     * Sends one request and reads its answer; {@code target} is the raw request target (path and query), {@code
     * headers} name/value pairs, {@code contentType} and {@code body} may be null. A request whose connection fails
     * before an answer is tried once more on a new connection (the server may have closed an idle one).
     */
    public RawAnswer send(String method, String target, List<String> headers, String contentType, byte[] body)
            throws IOException {
        byte[] request = request(method, target, headers, contentType, body);
        boolean reused = socket != null;
        try {
            return exchange(method, request);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(method, request);
        }
    }

    private RawAnswer exchange(String method, byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        IOException writeFailure = null;
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            // the server may answer (413, 400) and close before reading a large body: read what it said
            writeFailure = e;
        }
        try {
            RawAnswer answer = RawHttpReader.read(in, method);
            if (answer.closes() || writeFailure != null) {
                close();
            }
            return answer;
        } catch (IOException e) {
            close();
            if (writeFailure != null) {
                e.addSuppressed(writeFailure);
            }
            throw e;
        }
    }

    private byte[] request(String method, String target, List<String> headers, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    private void connect() throws IOException {
        SSLSocket created = (SSLSocket) ContainerTrust.sslContext().getSocketFactory().createSocket();
        try {
            if (localAddress != null) {
                created.bind(localAddress);
            }
            created.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            created.setSoTimeout(TIMEOUT_MILLIS);
            created.startHandshake();
        } catch (IOException e) {
            created.close();
            throw e;
        }
        socket = created;
        in = new BufferedInputStream(created.getInputStream());
        out = new BufferedOutputStream(created.getOutputStream(), 64 * 1024);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
