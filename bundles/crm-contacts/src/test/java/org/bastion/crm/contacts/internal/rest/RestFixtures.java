package org.bastion.crm.contacts.internal.rest;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.testing.RestMocks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What the JAX-RS runtime would hand the resources: request URIs and the application's ObjectMapper. */
final class RestFixtures {

    /** Configured as crm-rest's JSON provider configures its mapper. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private RestFixtures() {
    }

    static UriInfo uri(String absolute) {
        return RestMocks.uri(absolute);
    }

    static Providers providers() {
        Providers providers = mock(Providers.class);
        ContextResolver<ObjectMapper> resolver = type -> MAPPER;
        when(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)).thenReturn(resolver);
        return providers;
    }
}
