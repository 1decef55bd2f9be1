package org.bastion.crm.rest.internal.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** One bundle declaring public a path another bundle also serves never opens the other's method to anonymous callers. */
class PublicMatchFilterTest {

    private static final String TOKEN = "Bearer good";
    private static final Caller ALICE = new Caller("u-alice", "Alice", Set.of(), true);

    /** Two resources serving the same path; only one declares it public. */
    @Path("status")
    public static class Declaring {
        @GET @PublicEndpoint
        public void status() {
        }
    }

    @Path("status")
    public static class Other {
        @GET
        public void status() {
        }
    }

    private final FakeRequestAuthenticator authenticator = new FakeRequestAuthenticator();
    private final PublicMatchFilter filter = new PublicMatchFilter();

    @BeforeEach
    void setUp() {
        authenticator.sessions.put(TOKEN, new AuthenticatedRequest(ALICE, null));
        filter.authenticator = authenticator;
    }

    @AfterEach
    void unbind() {
        RequestCaller.clear();
    }

    @Test
    void aPublicRequestThatReachedAPublicMethodRunsAnonymously() throws Exception {
        ContainerRequestContext request = publicRequest("GET", "status");
        matched(Declaring.class.getMethod("status"));
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(Caller.ANONYMOUS);
        assertThat(authenticator.asked).isEmpty();
    }

    @Test
    void aPublicRequestThatReachedAnotherMethodNeedsASession() throws Exception {
        ContainerRequestContext request = publicRequest("GET", "status");
        matched(Other.class.getMethod("status"));
        filter.filter(request);
        ArgumentCaptor<Response> refusal = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(refusal.capture());
        assertThat(refusal.getValue().getStatus()).isEqualTo(401);
        assertThat(refusal.getValue().getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"test\"");
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void withASessionTheOtherMethodRunsAsItsCaller() throws Exception {
        ContainerRequestContext request = publicRequest("GET", "status", TOKEN);
        matched(Other.class.getMethod("status"));
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(ALICE);
    }

    @Test
    void anEnrolmentOnlySessionIsRefusedThere() throws Exception {
        authenticator.sessions.put(TOKEN, new AuthenticatedRequest(ALICE, new FakeRequestAuthenticator.EnrolFirst()));
        ContainerRequestContext request = publicRequest("GET", "status", TOKEN);
        matched(Other.class.getMethod("status"));
        filter.filter(request);
        ArgumentCaptor<Response> refusal = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(refusal.capture());
        assertThat(refusal.getValue().getStatus()).isEqualTo(403);
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void withoutAMatchedMethodItNeedsASessionToo() {
        ContainerRequestContext request = publicRequest("GET", "status");
        filter.resourceInfo = mock(ResourceInfo.class);
        filter.filter(request);
        verify(request).abortWith(any());
        assertThat(RequestCaller.get()).isEmpty();
    }

    @Test
    void requestsAdmittedWithASessionAreLeftAlone() throws Exception {
        ContainerRequestContext request = CallerFilterTest.request("GET", "status", TOKEN);
        RequestCaller.set(ALICE);
        matched(Other.class.getMethod("status"));
        filter.filter(request);
        verify(request, never()).abortWith(any());
        assertThat(RequestCaller.get()).contains(ALICE);
        assertThat(authenticator.asked).isEmpty();
    }

    @Test
    void theCallerFilterMarksWhatItAdmitsAsPublic() {
        CallerFilter callerFilter = new CallerFilter();
        callerFilter.operations = () -> org.bastion.crm.rest.internal.whiteboard.DeclaredOperations.of(
                List.of(Declaring.class));
        ContainerRequestContext request = CallerFilterTest.request("GET", "status");
        callerFilter.filter(request);
        verify(request).setProperty(CallerFilter.PUBLIC_BY_PATH, Boolean.TRUE);
    }

    private void matched(Method method) {
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(method);
        filter.resourceInfo = info;
    }

    private static ContainerRequestContext publicRequest(String method, String path, String... authorization) {
        ContainerRequestContext request = CallerFilterTest.request(method, path, authorization);
        when(request.getProperty(CallerFilter.PUBLIC_BY_PATH)).thenReturn(Boolean.TRUE);
        RequestCaller.set(Caller.ANONYMOUS);
        return request;
    }
}
