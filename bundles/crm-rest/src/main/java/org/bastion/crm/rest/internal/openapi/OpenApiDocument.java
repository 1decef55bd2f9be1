package org.bastion.crm.rest.internal.openapi;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bastion.crm.api.rest.CrmRest;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

/** Generates the OpenAPI 3 document of a set of JAX-RS resource classes with swagger-jaxrs2's reader. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /** The document, as JSON, describing {@code resourceClasses} served under {@value CrmRest#BASE_PATH}. */
    public static String generate(Collection<Class<?>> resourceClasses, String version) {
        Set<Class<?>> ordered = new LinkedHashSet<>();
        resourceClasses.stream().sorted(Comparator.comparing(Class::getName)).forEach(ordered::add);
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Bastion CRM API").version(version)
                        .description("Contacts, companies and the CRM's other records. Errors are application/problem+json"
                                + " (RFC 9457); changes need the record's ETag in If-Match."))
                .servers(List.of(new Server().url(CrmRest.BASE_PATH)));
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(base).prettyPrint(true);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // swagger looks its extensions up through the context class loader: give it its own bundle's
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            OpenAPI document = new Reader(configuration).read(ordered);
            return Json.pretty(document);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
