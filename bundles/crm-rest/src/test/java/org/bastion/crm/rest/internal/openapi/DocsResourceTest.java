package org.bastion.crm.rest.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class DocsResourceTest {

    private final DocsResource docs = new DocsResource();

    @Test
    void pageLoadsTheUiFromDocsAndTheSpecFromOpenapiJson() {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getPath()).thenReturn("docs");
        Response page = docs.page(uriInfo);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        String html = new String((byte[]) page.getEntity(), StandardCharsets.UTF_8);
        assertThat(html).contains("docs/swagger-ui-bundle.js", "docs/swagger-ui.css", "./openapi.json");
    }

    @Test
    void trailingSlashRedirectsToThePage() {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getPath()).thenReturn("docs/");
        when(uriInfo.getBaseUriBuilder()).thenReturn(UriBuilder.fromUri("http://h/api/v1/"));
        Response response = docs.page(uriInfo);
        assertThat(response.getStatus()).isEqualTo(301);
        assertThat(response.getLocation().toString()).isEqualTo("http://h/api/v1/docs");
    }

    @Test
    void servesEveryFileThePageNeedsFromTheEmbeddedWebjar() {
        for (String file : DocsResource.FILES.keySet()) {
            Response response = docs.file(file);
            assertThat(response.getStatus()).as(file).isEqualTo(200);
            assertThat((byte[]) response.getEntity()).as(file).isNotEmpty();
        }
        assertThat(docs.file("swagger-ui.css").getMediaType().toString()).startsWith("text/css");
    }

    @Test
    void anythingElseIsNotFound() {
        assertThatThrownBy(() -> docs.file("webjar-version.txt")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docs.file("..%2Fsecret")).isInstanceOf(NotFoundException.class);
    }
}
