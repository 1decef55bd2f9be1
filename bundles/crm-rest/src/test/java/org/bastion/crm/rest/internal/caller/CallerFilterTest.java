package org.bastion.crm.rest.internal.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.json.CrmObjectMapper;
import org.bastion.crm.rest.internal.whiteboard.DeclaredOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.JsonNode;

class CallerFilterTest {

    private static final String TOKEN = "Bearer q8Vn3m-Rz_0aTkP1x9yLw2sDfGhJkL4oPqRsTuVwXyZ";
    private static final String ENROLLING_TOKEN = "Bearer enrol-Only_token.42";
    private static final Caller ALICE = new Caller("u-alice", "Alice", Set.of("sales"), true);
    private static final Caller ADMIN = new Caller("u-admin", "Admin", Set.of(), true);

    private final FakeRequestAuthenticator authenticator = new FakeRequestAuthenticator();
    private final CallerFilter filter = new CallerFilter();

    @BeforeEach
    void setUp() {
        authenticator.sessions.put(TOKEN, new AuthenticatedRequest(ALICE, null));
        authenticator.sessions.put(ENROLLING_TOKEN, new AuthenticatedRequest(ADMIN, new FakeRequestAuthenticator.EnrolFirst()));
        filter.authenticator = authenticator;
        DeclaredOperations operations = TestResources.operations();
        filter.operations = () -> operations;
        HttpServletRequest servlet = mock(HttpServletRequest.class);
        when(servlet.getRemoteAddr()).thenReturn("192.0.2.7");
        filter.servletRequest = servlet;
    }

    @AfterEach
    void unbind() {
        RequestCaller.clear();
    }

    @ParameterizedTest
    @CsvSource({"GET,health", "HEAD,health", "GET,openapi.json", "GET,docs", "GET,docs/", "GET,docs/swagger-ui.css",
            "GET,docs/swagger-ui-bundle.js", "GET,docs/favicon-16x16.png", "POST,auth/login", "POST,auth/mfa",
            "GET,deals/d-1/badge", "HEAD,deals/3f2a.x/badge"})
    void declaredPublicOperationsRunAnonymouslyWithoutAskingForAToken(String method, String path) {
        ContainerRequestContext request = request(method, path);
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(Caller.ANONYMOUS);
        assertThat(authenticator.asked).isEmpty();
    }

    @Test
    void nothingIsPublicBeforeTheResourcesAreRead() {
        filter.operations = () -> DeclaredOperations.NONE;
        ContainerRequestContext request = request("GET", "health");
        filter.filter(request);
        assertThat(aborted(request).getStatus()).isEqualTo(401);
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void publicOperationsWorkEvenWithoutAnAuthenticator() {
        filter.authenticator = null;
        ContainerRequestContext request = request("GET", "health");
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(Caller.ANONYMOUS);
    }

    @Test
    void publicOperationIgnoresAnyTokenSent() {
        ContainerRequestContext request = request("POST", "auth/login", TOKEN);
        filter.filter(request);
        assertThat(RequestCaller.get()).contains(Caller.ANONYMOUS);
        assertThat(authenticator.asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"health/", "Health", "HEALTH", "health;x=1", "health%2F..%2Fusers", "./health",
            "health/../users", "auth/login/", "auth/login;jsessionid=1", "auth/logi%6E", "auth//login", "/auth/login", "//auth/login", "/ auth/login",
            "auth/Login", "auth/login/../../users", "auth/mfa/", "auth/%6Dfa", "openapi.json/", "openapi.json;a",
            "docs/..", "docs/.", "docs/../users", "docs/%2e%2e/users", "docs/a/b", "docs//x", "docs/a;b",
            "docs/.hidden", "docs/x..", "docs/ x", "users", "users/health", "", "contacts?x=/health", "docs%2Fx",
            "deals/d-1", "deals//badge", "deals/d%2D1/badge", "deals/../badge", "deals/d-1/badge/", "deals/d;1/badge",
            "deals/a/b/badge"})
    void otherSpellingsOfPublicPathsAndEveryOtherPathNeedAToken(String path) {
        for (String method : new String[] {"GET", "HEAD", "POST"}) {
            ContainerRequestContext request = request(method, path);
            filter.filter(request);
            assertUnauthorized(request);
            assertThat(RequestCaller.get()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"POST,health", "DELETE,health", "PUT,openapi.json", "POST,docs", "DELETE,docs/swagger-ui.css",
            "GET,auth/login", "PUT,auth/login", "get,health", "post,auth/login", "OPTIONS,auth/login", "GET,auth/mfa",
            "POST,deals/d-1/badge"})
    void publicPathsWithAnotherMethodNeedAToken(String method, String path) {
        ContainerRequestContext request = request(method, path);
        filter.filter(request);
        assertUnauthorized(request);
    }

    @Test
    void anAuthenticatedRequestBindsItsCallerAndTheResponseFilterUnbindsIt() {
        ContainerRequestContext request = request("GET", "contacts", TOKEN);
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(ALICE);
        assertThat(authenticator.asked).containsExactly(List.of(TOKEN));
        filter.filter(request, mock(ContainerResponseContext.class));
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void everyAuthorizationHeaderIsHandedToTheAuthenticatorAsSent() {
        ContainerRequestContext request = request("GET", "contacts");
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.addAll("Authorization", TOKEN, "Bearer other");
        when(request.getHeaders()).thenReturn(headers);
        filter.filter(request);
        assertThat(authenticator.asked).containsExactly(List.of(TOKEN, "Bearer other"));
        assertUnauthorized(request);
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void theAuthenticatorSeesThePeerAddressAndUserAgentNeverForwardedHeaders() {
        ContainerRequestContext request = request("GET", "contacts", TOKEN);
        when(request.getHeaderString("User-Agent")).thenReturn("curl/8.0");
        when(request.getHeaderString("X-Forwarded-For")).thenReturn("203.0.113.9");
        filter.filter(request);
        assertThat(authenticator.clientsSeen).containsExactly("192.0.2.7 curl/8.0");
    }

    @Test
    void unknownAddressWhenNoServletRequestIsAvailable() {
        HttpServletRequest unavailable = mock(HttpServletRequest.class);
        when(unavailable.getRemoteAddr()).thenThrow(new NullPointerException("no request on this thread"));
        filter.servletRequest = unavailable;
        filter.filter(request("GET", "contacts", TOKEN));
        assertThat(authenticator.clientsSeen).containsExactly("null null");
    }

    @Test
    void theAuthenticatorsDeclaredRefusalIsAnsweredWithItsStatusTypeAndHeaders() throws Exception {
        ContainerRequestContext request = request("GET", "contacts");
        filter.filter(request);
        JsonNode body = assertUnauthorized(request);
        assertThat(body.get("detail").asText()).isEqualTo("no session");
        assertThat(body.get("title").asText()).isEqualTo("Authentication required");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/contacts");
        assertThat(authenticator.asked).containsExactly(List.of());
    }

    @Test
    void authenticatorFailureIsAProblemAndNeverAnonymousAccess() {
        authenticator.failure = new ServiceUnavailableException("database down");
        ContainerRequestContext request = request("GET", "contacts", TOKEN);
        filter.filter(request);
        assertThat(aborted(request).getStatus()).isEqualTo(503);
        assertThat(RequestCaller.get()).isEmpty();

        authenticator.failure = new IllegalStateException("bug");
        ContainerRequestContext second = request("GET", "contacts", TOKEN);
        filter.filter(second);
        assertThat(aborted(second).getStatus()).isEqualTo(500);
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void anAuthenticatorAnsweringNoCallerIs500NeverAnonymousAccess() {
        filter.authenticator = (authorization, address, agent) -> null;
        ContainerRequestContext request = request("GET", "contacts", TOKEN);
        filter.filter(request);
        assertThat(aborted(request).getStatus()).isEqualTo(500);
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void withoutAnAuthenticatorProtectedPathsAre503() {
        filter.authenticator = null;
        ContainerRequestContext request = request("GET", "contacts", TOKEN);
        filter.filter(request);
        Response response = aborted(request);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
        assertThat(response.getHeaderString("Retry-After")).isNotBlank();
        assertThat(RequestCaller.get()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"GET,auth/me", "HEAD,auth/me", "POST,auth/totp/enroll", "POST,auth/totp/confirm", "POST,auth/logout"})
    void enrolmentOnlySessionMayMakeTheOperationsDeclaredAllowedDuringEnrolment(String method, String path) {
        ContainerRequestContext request = request(method, path, ENROLLING_TOKEN);
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(ADMIN);
    }

    @ParameterizedTest
    @CsvSource({"GET,contacts", "GET,users", "GET,auth/sessions", "POST,auth/password", "DELETE,auth/totp",
            "POST,auth/me", "GET,auth/totp/enroll", "GET,auth/me/", "GET,auth/me;x", "POST,auth/logout/",
            "POST,auth/totp/confirm%2F", "GET,deals/d-1"})
    void enrolmentOnlySessionIsRefusedEverythingElseWithTheAuthenticatorsRefusal(String method, String path)
            throws Exception {
        ContainerRequestContext request = request(method, path, ENROLLING_TOKEN);
        filter.filter(request);
        Response response = aborted(request);
        assertThat(response.getStatus()).isEqualTo(403);
        JsonNode body = CrmObjectMapper.create().readTree((String) response.getEntity());
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "enrolment-required");
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void aStaleCallerOnAPooledThreadNeverLeaksIntoTheNextRequest() {
        RequestCaller.set(ALICE);
        filter.filter(request("GET", "contacts"));
        assertThat(RequestCaller.get()).isEmpty();
    }

    private JsonNode assertUnauthorized(ContainerRequestContext request) {
        Response response = aborted(request);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"test\"");
        try {
            JsonNode body = CrmObjectMapper.create().readTree((String) response.getEntity());
            assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "unauthorized");
            return body;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Response aborted(ContainerRequestContext request) {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        return response.getValue();
    }

    static ContainerRequestContext request(String method, String rawPath, String... authorization) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uriInfo = mock(UriInfo.class);
        String query = rawPath.contains("?") ? rawPath.substring(rawPath.indexOf('?')) : "";
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        when(uriInfo.getPath(false)).thenReturn(path);
        when(uriInfo.getRequestUri()).thenReturn(URI.create("https://h:8443/api/v1/" + path.replace(" ", "%20")
                .replace("\u00e9", "%C3%A9") + query));
        when(request.getUriInfo()).thenReturn(uriInfo);
        when(request.getMethod()).thenReturn(method);
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        for (String value : authorization) {
            headers.add("Authorization", value);
        }
        when(request.getHeaders()).thenReturn(headers);
        return request;
    }
}
