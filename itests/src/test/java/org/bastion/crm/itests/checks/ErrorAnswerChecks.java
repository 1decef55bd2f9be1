package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;

import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.ContainerTrust;
import org.bastion.crm.itests.support.CrmApi;

/**
 * Error answers reveal nothing of the server's insides, whichever layer gives them: Jetty refusing a malformed request
 * (checked over raw TLS sockets, as no HTTP client sends one), a method nobody serves, a charset CXF cannot read, the web
 * console's 401, Swagger UI. Each carries the security headers and names no class, stack frame or server version;
 * API paths answer problem+json.
 */
public final class ErrorAnswerChecks {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String[] BAD_CHARSETS = {"x-nonexistent", "utf-7", "UTF-8x", "%", "\""};
    /** Words that would reveal the implementation: class or package names, stack frames, the server's name. */
    private static final String[] REVEALING = {"exception", "java.", "javax.", "org.eclipse", "org.apache", "jetty",
        "\tat ", "servlet", "cxf"};

    private final CrmApi api;
    private final CrmApi anonymous;

    /** Checks with the suite's (authenticated) client and an anonymous one. */
    public ErrorAnswerChecks(CrmApi api, CrmApi anonymous) {
        this.api = api;
        this.anonymous = anonymous;
    }

    /** An unknown charset in Content-Type is 415 problem+json, anonymous on /health and logged in on /contacts. */
    public void unreadableCharsetsAreRefusedWith415() {
        for (String charset : BAD_CHARSETS) {
            String contentType = "application/json; charset=" + charset;
            ApiResponse health = anonymous.send("GET", "/health", null, null, "Content-Type", contentType);
            assertProblem(health, 415, "unsupported-media-type");
            ApiResponse login = anonymous.send("POST", "/auth/login", contentType, "{\"username\":\"a\",\"password\":\"b\"}");
            assertProblem(login, 415, "unsupported-media-type");
            ApiResponse create = api.send("POST", "/contacts", contentType, "{\"firstName\":\"Char\",\"lastName\":\"Set\"}");
            assertProblem(create, 415, "unsupported-media-type");
        }
    }

    /** The web console's 401 carries the security headers and no body that names anything. */
    public void webConsoleRefusalCarriesTheSecurityHeaders() {
        String console = anonymous.uri("/health").resolve("/system/console").toString();
        ApiResponse refused = anonymous.get(console);
        assertEquals(refused.describe(), 401, refused.status());
        assertNotNull("a Basic challenge", refused.header("WWW-Authenticate"));
        assertSecurityHeaders(refused.describe(), refused.headers().map());
        assertRevealsNothing(refused.describe(), refused.headers().map(), refused.body());
    }

    /** Swagger UI, the OpenAPI document and a path outside the API carry the security headers. */
    public void documentationAndUnknownPathsCarryTheSecurityHeaders() {
        for (String path : new String[] {"/api/v1/docs", "/api/v1/openapi.json"}) {
            ApiResponse response = anonymous.get(path);
            assertEquals(response.describe(), 200, response.status());
            assertSecurityHeaders(response.describe(), response.headers().map());
        }
        ApiResponse outside = anonymous.get(anonymous.uri("/health").resolve("/no-such-page").toString());
        assertTrue(outside.describe(), outside.status() == 401 || outside.status() == 404);
        assertEquals(PROBLEM_JSON, outside.mediaType());
        assertSecurityHeaders(outside.describe(), outside.headers().map());
        assertRevealsNothing(outside.describe(), outside.headers().map(), outside.body());
    }

    /** A malformed request line, an unknown HTTP version: 400/505 problem+json with the headers, from Jetty itself. */
    public void malformedRequestsAreProblemsWithTheSecurityHeaders() throws IOException {
        assertRawProblem(raw("GET /api/v1/health HTTP/1.1 junk\r\nHost: localhost\r\n\r\n"), 400, "bad-request");
        assertRawProblem(raw("GET /api/v1/health HTTP/9.9\r\nHost: localhost\r\n\r\n"), 505,
                "http-version-not-supported");
        assertRawProblem(raw("\u0001\u0002 / HTTP/1.1\r\n\r\n"), 400, "bad-request");
    }

    /** A chunked body with a malformed chunk size, anonymous and on a login: 400 problem+json, never a 500. */
    public void malformedChunkedBodiesAreProblemsWithTheSecurityHeaders() throws IOException {
        for (String path : new String[] {"/api/v1/auth/login", "/api/v1/contacts"}) {
            RawResponse answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            String what = answer.describe();
            assertTrue(what, answer.status >= 400 && answer.status < 500);
            assertSecurityHeaders(what, answer.headers);
            assertRevealsNothing(what, answer.headers, answer.body);
        }
    }

    /** Headers or a URI over Jetty's limits: 431 and 414 problem+json with the headers. */
    public void oversizedHeadersAndUrisAreProblemsWithTheSecurityHeaders() throws IOException {
        String big = "a".repeat(20_000);
        assertRawProblem(raw("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n"), 431,
                "request-header-fields-too-large");
        assertRawProblem(raw("GET /api/v1/health?" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414, "uri-too-long");
    }

    /** TRACE is 405 everywhere; an unknown method is refused (401 anonymous, 405 logged in); all without leaks. */
    public void oddMethodsRevealNothing() throws IOException {
        for (String path : new String[] {"/", "/api/v1/health", "/system/console"}) {
            assertRawProblem(raw("TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405,
                    "method-not-allowed");
            RawResponse foo = raw("FOO " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(foo.describe(), foo.status >= 400 && foo.status < 500);
            assertSecurityHeaders(foo.describe(), foo.headers);
            assertRevealsNothing(foo.describe(), foo.headers, foo.body);
        }
        ApiResponse foo = api.send("FOO", "/contacts", null, null);
        assertProblem(foo, 405, "method-not-allowed");
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        String what = response.describe();
        assertEquals(what, status, response.status());
        assertEquals(what, PROBLEM_JSON, response.mediaType());
        assertEquals(what, "https://bastion-crm.org/problems/" + code, response.json().path("type").asText());
        assertSecurityHeaders(what, response.headers().map());
        assertRevealsNothing(what, response.headers().map(), response.body());
    }

    private static void assertRawProblem(RawResponse response, int status, String code) {
        String what = response.describe();
        assertEquals(what, status, response.status);
        assertTrue(what, String.valueOf(first(response.headers, "Content-Type")).startsWith(PROBLEM_JSON));
        assertTrue(what, response.body.contains("\"type\":\"https://bastion-crm.org/problems/" + code + "\""));
        assertSecurityHeaders(what, response.headers);
        assertRevealsNothing(what, response.headers, response.body);
    }

    /** HSTS, nosniff, no framing (both headers), no referrer; no-store unless the answer chose a policy of its own. */
    static void assertSecurityHeaders(String what, Map<String, List<String>> headers) {
        assertEquals(what, "max-age=31536000; includeSubDomains", first(headers, "Strict-Transport-Security"));
        assertEquals(what, "nosniff", first(headers, "X-Content-Type-Options"));
        assertEquals(what, "DENY", first(headers, "X-Frame-Options"));
        assertTrue(what, String.valueOf(first(headers, "Content-Security-Policy")).contains("frame-ancestors 'none'"));
        assertEquals(what, "no-referrer", first(headers, "Referrer-Policy"));
        assertNotNull(what + ": a caching policy", first(headers, "Cache-Control"));
    }

    /** No Server or X-Powered-By header, and no class name, stack frame or server name in any header or the body. */
    static void assertRevealsNothing(String what, Map<String, List<String>> headers, String body) {
        assertNull(what + ": Server header", first(headers, "Server"));
        assertNull(what + ": X-Powered-By header", first(headers, "X-Powered-By"));
        StringBuilder text = new StringBuilder(body == null ? "" : body);
        headers.forEach((name, values) -> text.append('\n').append(name).append(": ").append(values));
        String lower = text.toString().toLowerCase(Locale.ROOT);
        for (String word : REVEALING) {
            assertFalse(what + " reveals '" + word + "': " + text, lower.contains(word));
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Sends bytes over a TLS connection that trusts the container's certificate, and reads the answer to the end. */
    private RawResponse raw(String request) throws IOException {
        int port = api.uri("/health").getPort();
        try (SSLSocket socket = (SSLSocket) ContainerTrust.sslContext().getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.parse(request.substring(0, Math.min(60, request.length())), readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException | javax.net.ssl.SSLException endOfAnswer) {
            // the server kept the connection open or cut it short: what arrived is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A response read from a raw socket: status, headers (case kept), body. */
    private record RawResponse(String request, int status, Map<String, List<String>> headers, String body) {

        static RawResponse parse(String request, String text) {
            int end = text.indexOf("\r\n\r\n");
            assertTrue("an HTTP answer to " + request + ": " + text, text.startsWith("HTTP/1.1 ") && end > 0);
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(request, status, headers, text.substring(end + 4));
        }

        String describe() {
            return request.strip() + "... -> " + status + " " + headers + " " + body;
        }
    }
}
