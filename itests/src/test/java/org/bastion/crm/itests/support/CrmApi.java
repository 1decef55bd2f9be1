package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A thin client of the CRM's REST API under {@code /api/v1} on the test container's HTTPS port, trusting the
 * certificate the container generated (see {@link ContainerTrust}), or on a CRM the driver started as a process.
 */
public final class CrmApi {

    /** The media type of JSON request and response bodies. */
    public static final String JSON = "application/json";

    /** The media type of JSON Merge Patch bodies (RFC 7396). */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI root;
    private final Supplier<SSLContext> trust;
    private volatile String bearerToken;
    private HttpClient client;

    /** A client of the CRM listening for HTTPS on {@code 127.0.0.1:port} (in the container under test). */
    public CrmApi(int port) {
        this(port, ContainerTrust::sslContext);
    }

    /** A client of the CRM on {@code 127.0.0.1:port} trusting the certificate {@code trust} gives when first used. */
    public CrmApi(int port, Supplier<SSLContext> trust) {
        this.root = URI.create("https://127.0.0.1:" + port);
        this.trust = trust;
    }

    /**
     * Sends {@code Authorization: Bearer <token>} with every later request that names no Authorization header of its
     * own; null sends none. Returns this client.
     */
    public CrmApi useBearer(String token) {
        this.bearerToken = token;
        return this;
    }

    /** The HTTP client, built on first use: the container creates its certificate while it boots. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .sslContext(trust.get())
                    .build();
        }
        return client;
    }

    /** The absolute URI of a path: {@code /contacts} becomes {@code https://host:port/api/v1/contacts}; absolute URIs stay. */
    public URI uri(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return URI.create(path);
        }
        if (path.startsWith("/api/")) {
            return root.resolve(path);
        }
        return root.resolve("/api/v1" + (path.startsWith("/") ? path : "/" + path));
    }

    /** GET with optional header name/value pairs. */
    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** DELETE with optional header name/value pairs. */
    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** POST of a JSON body (an object is written with Jackson, a string is sent as it is). */
    public ApiResponse post(String path, Object body, String... headers) {
        return send("POST", path, JSON, body, headers);
    }

    /** PUT of a JSON body. */
    public ApiResponse put(String path, Object body, String... headers) {
        return send("PUT", path, JSON, body, headers);
    }

    /** PATCH with a JSON Merge Patch body. */
    public ApiResponse patch(String path, Object body, String... headers) {
        return send("PATCH", path, MERGE_PATCH, body, headers);
    }

    /**
     * Sends a request; {@code body} may be null (no body), a String (sent as it is) or anything Jackson writes.
     * Headers are name/value pairs.
     */
    public ApiResponse send(String method, String path, String contentType, Object body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must come as name/value pairs");
        }
        URI uri = uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, publisher(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        String token = bearerToken;
        if (token != null && !ownAuthorization) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = client().send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }

    /**
     * GET of a stream that does not end (server-sent events): the status and headers as soon as they arrive, with an
     * empty body; the stream is closed unread.
     */
    public ApiResponse openStream(String path) {
        URI uri = uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "text/event-stream");
        String token = bearerToken;
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = client().send(request.build(), BodyHandlers.ofInputStream());
            response.body().close();
            return new ApiResponse("GET", uri.getRawPath(), response.statusCode(), response.headers(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + uri, e);
        }
    }

    private static BodyPublisher publisher(Object body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        String text = body instanceof String string ? string : Json.write(body);
        return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
}
