package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.ContainerTrust;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmContainer;

/**
 * HTTPS by default, seen from a client in the container: the security headers on API answers, TLS 1.3 and 1.2 only,
 * and no plain HTTP listener.
 */
public final class TransportChecks {

    private final CrmApi api;

    /** Checks with the suite's (authenticated) client. */
    public TransportChecks(CrmApi api) {
        this.api = api;
    }

    /** An API answer over HTTPS carries HSTS, nosniff, frame denial, no referrer and no-store. */
    public void apiAnswersCarryTheSecurityHeaders() {
        ApiResponse response = api.get("/contacts?size=1");
        assertEquals(200, response.status());
        assertEquals("max-age=31536000; includeSubDomains", response.header("Strict-Transport-Security"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertTrue(String.valueOf(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertTrue(String.valueOf(response.header("Cache-Control")).contains("no-store"));
    }

    /** The server speaks TLS 1.3, and TLS 1.2 only with an ECDHE AEAD suite; a CBC suite is refused. */
    public void onlyModernProtocolsAndForwardSecretAeadSuites() throws IOException {
        assertEquals("TLSv1.3", handshake(new String[] {"TLSv1.3"}, null));
        String tls12 = handshake(new String[] {"TLSv1.2"}, null);
        assertEquals("TLSv1.2", tls12);
        String refused = handshake(new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"});
        assertEquals("a CBC or static-RSA suite is refused", "refused", refused);
    }

    /** Nothing listens on the configured plain HTTP port (plain HTTP is off by default). */
    public void plainHttpIsOff() {
        int httpPort = Integer.parseInt(System.getProperty(CrmContainer.HTTP_PORT_PROPERTY));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 2000);
            throw new AssertionError("something accepts plain connections on port " + httpPort);
        } catch (IOException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    /** The protocol negotiated with {@code protocols} (and {@code suites}, if given), or "refused". */
    private String handshake(String[] protocols, String[] suites) throws IOException {
        int port = api.uri("/health").getPort();
        SSLSocketFactory factory = ContainerTrust.sslContext().getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(protocols);
            if (suites != null) {
                List<String> supported = Arrays.asList(socket.getSupportedCipherSuites());
                String[] offered = Arrays.stream(suites).filter(supported::contains).toArray(String[]::new);
                assertTrue("the client can offer one of " + Arrays.toString(suites), offered.length > 0);
                socket.setEnabledCipherSuites(offered);
            }
            try {
                socket.startHandshake();
            } catch (IOException e) {
                return "refused";
            }
            String suite = socket.getSession().getCipherSuite();
            assertTrue("forward-secret AEAD suite: " + suite, suite.startsWith("TLS_AES_")
                    || suite.startsWith("TLS_CHACHA20_") || (suite.startsWith("TLS_ECDHE_")
                    && (suite.contains("_GCM_") || suite.contains("CHACHA20"))));
            return socket.getSession().getProtocol();
        }
    }
}
