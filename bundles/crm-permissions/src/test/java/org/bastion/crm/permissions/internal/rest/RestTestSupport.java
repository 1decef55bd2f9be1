package org.bastion.crm.permissions.internal.rest;

import javax.ws.rs.core.UriInfo;

import org.bastion.crm.testing.RestMocks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** What the JAX-RS runtime would hand the resources, and the application's JSON settings. */
final class RestTestSupport {

    /** Configured as crm-rest's JSON provider configures its mapper (CrmObjectMapper). */
    static final ObjectMapper MAPPER = mapper();

    private RestTestSupport() {
    }

    static UriInfo uri(String absolute) {
        return RestMocks.uri(absolute);
    }

    /** The body as a client reads it: written by the application's mapper, then parsed. */
    static JsonNode json(Object body) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(body));
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
