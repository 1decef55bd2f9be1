package org.bastion.crm.rest.internal.openapi;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.whiteboard.DeclaredOperations;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Generates the OpenAPI 3 document of a set of JAX-RS resource classes with swagger-jaxrs2's reader, with the bearer
 * scheme required everywhere except on the operations the resources declare public
 * ({@link org.bastion.crm.api.rest.PublicEndpoint}).
 */
public final class OpenApiDocument {

    /** The name of the security scheme in the document. */
    static final String BEARER_SCHEME = "bearer";

    private OpenApiDocument() {
    }

    /** The document, as JSON, describing {@code resourceClasses} served under {@value CrmRest#BASE_PATH}. */
    public static String generate(Collection<Class<?>> resourceClasses, String version) {
        Set<Class<?>> ordered = new LinkedHashSet<>();
        resourceClasses.stream().sorted(Comparator.comparing(Class::getName)).forEach(ordered::add);
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Bastion CRM API").version(version)
                        .description("The records of every capability installed now, vendors' included."
                                + " Errors are application/problem+json (RFC 9457); changes need the record's ETag in If-Match. Every operation needs"
                                + " 'Authorization: Bearer <token>' (from POST /auth/login) unless it says otherwise."
                                + " An operation without a request body (GET, DELETE, logout, ...) refuses one that is"
                                + " present and not empty with 400 (type .../body-not-allowed); an empty body is none."))
                .servers(List.of(new Server().url(CrmRest.BASE_PATH)))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")
                        .description("The session token from POST /auth/login (and POST /auth/mfa)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(base).prettyPrint(true);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // swagger looks its extensions up through the context class loader: give it its own bundle's
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            OpenAPI document = new Reader(configuration).read(ordered);
            markPublicOperations(document, DeclaredOperations.of(ordered));
            return Json.pretty(document);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Gives the public operations an empty security requirement: no token needed. */
    static void markPublicOperations(OpenAPI document, DeclaredOperations declared) {
        if (document.getPaths() == null) {
            return;
        }
        declared.publicOperations().forEach(declaredOperation -> {
            if (declaredOperation.segments() == null) {
                return;
            }
            PathItem item = document.getPaths().get("/" + String.join("/", declaredOperation.segments()));
            if (item == null) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                if (declaredOperation.methods().contains(method.name())) {
                    operation.setSecurity(List.of());
                }
            });
        });
    }
}
