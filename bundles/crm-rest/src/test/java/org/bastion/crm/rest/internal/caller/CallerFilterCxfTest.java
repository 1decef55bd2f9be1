package org.bastion.crm.rest.internal.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.impl.ContainerRequestContextImpl;
import org.apache.cxf.jaxrs.impl.RequestPreprocessor;
import org.apache.cxf.jaxrs.impl.UriInfoImpl;
import org.apache.cxf.jaxrs.utils.HttpUtils;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.rest.internal.whiteboard.DeclaredOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter on CXF's own request context and UriInfo (as the whiteboard runs it), for raw request paths as they
 * arrive: what it lets through without a session is exactly what CXF then matches against the public resources.
 */
@SuppressWarnings("unchecked")
class CallerFilterCxfTest {

    private static final Caller ALICE = new Caller("u-alice", "Alice", Set.of(), true);

    private static final String METHOD_OVERRIDE = "org.apache.cxf.jaxrs.allow.http.method.override";

    private final FakeRequestAuthenticator authenticator = new FakeRequestAuthenticator();
    private final CallerFilter filter = new CallerFilter();
    private final DeclaredOperations operations = TestResources.operations();

    CallerFilterCxfTest() {
        authenticator.sessions.put("Bearer good-token", new AuthenticatedRequest(ALICE, null));
        filter.authenticator = authenticator;
        filter.operations = () -> operations;
    }

    @AfterEach
    void unbind() {
        RequestCaller.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h:8443/api/v1", "https://h:8443/api/v1/", "/api/v1", "/api/v1/"})
    void publicPathsPassAndTheirVariantsNeedASessionWhateverTheBaseAddressStyle(String endpoint) {
        assertThat(status(endpoint, "POST", "/api/v1/auth/login", null)).isZero();
        assertThat(status(endpoint, "GET", "/api/v1/health", null)).isZero();
        assertThat(status(endpoint, "GET", "/api/v1/docs/swagger-ui.css", null)).isZero();
        for (String variant : List.of("/api/v1/auth/login/", "/api/v1/auth//login", "/api/v1//auth//login",
                "/api/v1/auth/logi%6E", "/api/v1/auth%2Flogin", "/api/v1/auth/login;a=b", "/api/v1/auth;a=b/login",
                "/api/v1/health/../users", "/api/v1/docs/..%2Fusers", "/api/v1/docs/%2e%2e", "/api/v1/users",
                "/api/v1/health/x", "/api/v2/health", "/api/v1/Health", "/api/v1/docs/a/b")) {
            assertThat(status(endpoint, "POST", variant, null)).as(variant).isEqualTo(401);
            assertThat(status(endpoint, "GET", variant, null)).as(variant).isEqualTo(401);
        }
    }

    @Test
    void theMethodCheckedIsTheOneCxfDispatchesAfterItsMethodOverrides() {
        // CXF applies X-HTTP-Method-Override and ?_method= (RequestPreprocessor, off unless this property is set)
        // before the pre-matching filters run: the filter sees the method CXF will dispatch
        Message overridden = message("/api/v1", "POST", "/api/v1/auth/login", null);
        overridden.put(METHOD_OVERRIDE, true);
        ((Map<String, List<String>>) overridden.get(Message.PROTOCOL_HEADERS)).put("X-HTTP-Method-Override", List.of("GET"));
        new RequestPreprocessor().preprocess(overridden, new UriInfoImpl(overridden));
        assertThat(run(overridden)).isEqualTo(401);

        Message byQuery = message("/api/v1", "GET", "/api/v1/health", null);
        byQuery.put(Message.QUERY_STRING, "_method=DELETE");
        byQuery.put(METHOD_OVERRIDE, true);
        new RequestPreprocessor().preprocess(byQuery, new UriInfoImpl(byQuery));
        assertThat(run(byQuery)).isEqualTo(401);
    }

    @Test
    void aValidTokenIsReadFromCxfsHeaders() {
        Message message = message("/api/v1", "GET", "/api/v1/contacts", "Bearer good-token");
        assertThat(run(message)).isZero();
        assertThat(RequestCaller.get()).contains(ALICE);
    }

    @Test
    void whateverPassesAsPublicIsMatchedByCxfAsThatPublicPath() {
        int publicSeen = 0;
        for (String endpoint : List.of("/api/v1", "/api/v1/")) {
            for (String raw : List.of("/api/v1/auth/login", "/api/v1//auth/login", "/api/v1/health", "/api/v1health",
                    "/api/v1/docs/", "/api/v1/docs/x.js", "/api/v1/auth/login/")) {
                Message message = message(endpoint, "POST", raw, null);
                String relative = new ContainerRequestContextImpl(message, true, false).getUriInfo().getPath(false);
                String matched = HttpUtils.getPathToMatch(message, true);
                if (operations.isPublic("POST", relative) || operations.isPublic("GET", relative)) {
                    assertThat(matched).as(endpoint + " " + raw).isEqualTo("/" + relative);
                    publicSeen++;
                }
            }
        }
        // auth/login, health, docs/ and docs/x.js under both base styles; under "/api/v1/" also //auth/login (CXF
        // strips the base with its slash and matches the rest, /auth/login, as login); under "/api/v1" also
        // /api/v1health (never handed to the application by the servlet container; CXF would match it as health)
        assertThat(publicSeen).isEqualTo(10);
    }

    private int status(String endpoint, String method, String rawPath, String authorization) {
        return run(message(endpoint, method, rawPath, authorization));
    }

    /** Runs the filter; 0 when it let the request through, else the status it aborted with. */
    private int run(Message message) {
        RequestCaller.clear();
        filter.filter(new ContainerRequestContextImpl(message, true, false));
        Response aborted = message.getExchange().get(Response.class);
        return aborted == null ? 0 : aborted.getStatus();
    }

    private static Message message(String endpoint, String method, String rawPath, String authorization) {
        Message message = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        message.setExchange(exchange);
        exchange.setInMessage(message);
        message.put(Message.ENDPOINT_ADDRESS, endpoint);
        message.put(Message.REQUEST_URI, rawPath);
        message.put(Message.HTTP_REQUEST_METHOD, method);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        message.put(Message.PROTOCOL_HEADERS, headers);
        return message;
    }
}
