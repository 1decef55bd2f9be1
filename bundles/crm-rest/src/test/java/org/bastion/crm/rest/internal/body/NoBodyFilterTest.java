package org.bastion.crm.rest.internal.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.net.URI;

import javax.ws.rs.BeanParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class NoBodyFilterTest {

    /** Resource methods of every shape a bundle or a vendor writes. */
    @SuppressWarnings("unused")
    static class Resource {
        @GET public String get(@PathParam("id") String id, @QueryParam("q") @DefaultValue("x") String q,
                               @HeaderParam("If-None-Match") String tag, @Context UriInfo uri) {
            return id;
        }

        @DELETE public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        }

        @POST public void logout() {
        }

        @POST public void create(Object draft, @Context UriInfo uri) {
        }

        @PUT public void replace(@PathParam("id") String id, @DefaultValue("{}") Object draft) {
        }

        @POST public void form(@FormParam("name") String name) {
        }

        @GET public void async(@Suspended AsyncResponse response, @BeanParam Object query) {
        }
    }

    /** A resource whose JAX-RS annotations sit on its interface, as JAX-RS allows. */
    interface Contract {
        @GET String list(@QueryParam("page") int page);

        @POST void add(Object body);
    }

    static class Implementation implements Contract {
        @Override public String list(int page) {
            return "";
        }

        @Override public void add(Object body) {
        }
    }

    private final NoBodyFilter filter = new NoBodyFilter();

    @Test
    void bodyOnAnOperationThatTakesNoneIsRefusedWith400Problem() throws Exception {
        for (Method method : new Method[] {method(Resource.class, "get"), method(Resource.class, "delete"),
                method(Resource.class, "logout"), method(Resource.class, "async")}) {
            ContainerRequestContext withBody = requestWithBody(true);
            matched(method);
            filter.filter(withBody);
            ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
            verify(withBody).abortWith(response.capture());
            assertThat(response.getValue().getStatus()).as(method.getName()).isEqualTo(400);
            assertThat(response.getValue().getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
            assertThat((String) response.getValue().getEntity())
                    .contains(NoBodyFilter.CODE, "takes no request body", "/api/v1/things/1");
        }
    }

    @Test
    void noBodyOrAnEmptyOneIsAccepted() throws Exception {
        matched(method(Resource.class, "delete"));
        ContainerRequestContext empty = requestWithBody(false);
        filter.filter(empty);
        verify(empty, never()).abortWith(any());
    }

    @Test
    void operationsThatReadTheBodyAreLeftAlone() throws Exception {
        for (Method method : new Method[] {method(Resource.class, "create"), method(Resource.class, "replace"),
                method(Resource.class, "form"), method(Implementation.class, "add")}) {
            matched(method);
            ContainerRequestContext withBody = requestWithBody(true);
            filter.filter(withBody);
            verify(withBody, never()).abortWith(any());
        }
    }

    @Test
    void annotationsInheritedFromTheInterfaceAreRead() throws Exception {
        matched(method(Implementation.class, "list"));
        ContainerRequestContext withBody = requestWithBody(true);
        filter.filter(withBody);
        verify(withBody).abortWith(any());
    }

    @Test
    void requestMatchingNoMethodIsLeftToTheRuntime() {
        filter.resourceInfo = null;
        ContainerRequestContext withBody = requestWithBody(true);
        filter.filter(withBody);
        verify(withBody, never()).abortWith(any());
    }

    private void matched(Method method) {
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(method);
        filter.resourceInfo = info;
    }

    private static ContainerRequestContext requestWithBody(boolean hasBody) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(URI.create("http://h/api/v1/things/1"));
        when(request.getUriInfo()).thenReturn(uriInfo);
        when(request.getMethod()).thenReturn("DELETE");
        when(request.hasEntity()).thenReturn(hasBody);
        return request;
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
