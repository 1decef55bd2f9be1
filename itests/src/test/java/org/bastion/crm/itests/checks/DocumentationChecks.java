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
        // a fresh install without a passphrase runs on a generated master key: crypto says so, DEGRADED "unprotected"
        // (docs/keys.md); everything else is UP, and so is the whole once the operator holds the passphrase
        for (JsonNode component : components) {
            String name = component.path("component").asText();
            String state = component.path("state").asText();
            boolean unprotectedKeys = name.equals("crypto") && state.equals("DEGRADED")
                    && component.path("detail").asText().toLowerCase(Locale.ROOT).contains("unprotected");
            assertTrue("every component is up on a fresh container (crypto may be DEGRADED \"unprotected\"): " + health,
                    state.equals("UP") || unprotectedKeys);
        }
        String status = health.path("status").asText();
        assertTrue("the whole is UP, or DEGRADED by unprotected keys alone: " + health,
                status.equals("UP") || status.equals("DEGRADED"));
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
