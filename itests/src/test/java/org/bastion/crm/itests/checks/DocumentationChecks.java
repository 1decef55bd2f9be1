package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * The public, descriptive endpoints: health, the OpenAPI document and the Swagger UI page.
 */
public final class DocumentationChecks {

    private final CrmApi api;

    /** Checks against the given API. */
    public DocumentationChecks(CrmApi api) {
        this.api = api;
    }

    /** {@code GET /health}: 200 with a status, the version and at least one component, each with a state. */
    public void healthListsComponents() {
        JsonNode health = Expect.json(200, api.get("/health"));
        assertTrue("health has a status: " + health, health.path("status").isTextual());
        assertTrue("health has a version: " + health, health.path("version").isTextual());
        JsonNode components = health.path("components");
        assertTrue("health lists components: " + health, components.isContainerNode() && components.size() > 0);
        for (JsonNode component : components) {
            assertTrue("each component has a state: " + health,
                    component.has("state") || component.has("status") || component.isTextual());
        }
        assertEquals("everything is up on a fresh container: " + health, "UP", health.path("status").asText());
    }

    /** {@code GET /openapi.json}: an OpenAPI 3 document whose paths include the contact and company resources. */
    public void openApiListsContactPaths() {
        JsonNode document = Expect.json(200, api.get("/openapi.json"));
        assertTrue("an OpenAPI 3 document: " + document.path("openapi"), document.path("openapi").asText().startsWith("3"));
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue("lists /contacts: " + paths, paths.stream().anyMatch(p -> p.endsWith("/contacts")));
        assertTrue("lists /contacts/{id}: " + paths, paths.stream().anyMatch(p -> p.matches(".*/contacts/\\{[^}]+}")));
        assertTrue("lists /companies: " + paths, paths.stream().anyMatch(p -> p.endsWith("/companies")));
        assertTrue("lists /health: " + paths, paths.stream().anyMatch(p -> p.endsWith("/health")));
    }

    /** {@code GET /docs}: an HTML page (Swagger UI), after redirects. */
    public void docsPageIsHtml() {
        ApiResponse docs = Expect.status(200, api.get("/docs"));
        assertEquals("docs is HTML: " + docs.describe(), "text/html", docs.mediaType());
        String page = docs.body().toLowerCase(Locale.ROOT);
        assertTrue("docs is a Swagger UI page: " + docs.describe(), page.contains("<html") && page.contains("swagger"));
    }
}
