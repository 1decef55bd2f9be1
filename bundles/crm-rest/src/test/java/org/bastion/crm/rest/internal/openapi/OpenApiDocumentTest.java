package org.bastion.crm.rest.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;

import org.bastion.crm.rest.internal.health.HealthResource;
import org.bastion.crm.rest.internal.json.CrmObjectMapper;
import org.bastion.crm.rest.internal.whiteboard.ApplicationResources;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;

class OpenApiDocumentTest {

    record Widget(String name, java.time.LocalDate madeOn) {
    }

    @Path("widgets")
    public static class WidgetResource {
        @GET
        @Path("{id}")
        @Produces("application/json")
        @Operation(summary = "One widget")
        public Widget get(@PathParam("id") String id) {
            return null;
        }

        @GET
        @Produces("application/json")
        public org.bastion.crm.api.rest.PageBody<Widget> list() {
            return null;
        }
    }

    @Test
    void describesEveryResourceUnderTheApiBase() throws Exception {
        String json = OpenApiDocument.generate(List.of(WidgetResource.class, HealthResource.class, DocsResource.class), "9.9");
        JsonNode document = CrmObjectMapper.create().readTree(json);
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/version").asText()).isEqualTo("9.9");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        assertThat(document.at("/paths/~1widgets~1{id}/get/summary").asText()).isEqualTo("One widget");
        assertThat(document.at("/paths/~1health/get/responses/503").isMissingNode()).isFalse();
        assertThat(document.at("/components/schemas/Widget/properties/madeOn/format").asText()).isEqualTo("date");
        // paged lists are described with their item type, not as a list of anything
        assertThat(document.at("/components/schemas/PageBodyWidget/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/Widget");
    }

    @Path("auth")
    public static class LoginLikeResource {
        @POST
        @Path("login")
        @org.bastion.crm.api.rest.PublicEndpoint
        public String login() {
            return null;
        }

        @GET
        @Path("me")
        public String me() {
            return null;
        }

        @GET
        @Path("login")
        public String notPublic() {
            return null;
        }
    }

    @Test
    void bearerIsRequiredEverywhereExceptOnThePublicOperations() throws Exception {
        JsonNode document = CrmObjectMapper.create().readTree(OpenApiDocument.generate(
                List.of(WidgetResource.class, HealthResource.class, LoginLikeResource.class), "1"));
        assertThat(document.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0/bearer").isArray()).isTrue();
        // public: an empty requirement list overrides the global one
        assertThat(document.at("/paths/~1health/get/security").isArray()).isTrue();
        assertThat(document.at("/paths/~1health/get/security")).isEmpty();
        assertThat(document.at("/paths/~1auth~1login/post/security").isArray()).isTrue();
        assertThat(document.at("/paths/~1auth~1login/post/security")).isEmpty();
        // protected: the global requirement applies
        assertThat(document.at("/paths/~1auth~1login/get/security").isMissingNode()).isTrue();
        assertThat(document.at("/paths/~1auth~1me/get/security").isMissingNode()).isTrue();
        assertThat(document.at("/paths/~1widgets~1{id}/get/security").isMissingNode()).isTrue();
    }

    @Test
    void hiddenResourcesStayOutOfTheDocument() throws Exception {
        JsonNode document = CrmObjectMapper.create().readTree(
                OpenApiDocument.generate(List.of(DocsResource.class, OpenApiResource.class), "1"));
        assertThat(document.path("paths").size()).isZero();
    }

    @Test
    void applicationFilterDecidesWhichResourcesAreOurs() {
        assertThat(ApplicationResources.selectsCrmApplication("(osgi.jaxrs.name=bastion-crm)")).isTrue();
        assertThat(ApplicationResources.selectsCrmApplication("(osgi.jaxrs.application.base=/api/*)")).isTrue();
        assertThat(ApplicationResources.selectsCrmApplication("(osgi.jaxrs.name=.default)")).isFalse();
        assertThat(ApplicationResources.selectsCrmApplication("(broken")).isFalse();
        assertThat(ApplicationResources.selectsCrmApplication(null)).isFalse();
    }
}
