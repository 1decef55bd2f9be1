package org.bastion.crm.rest.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Builds the one Jackson configuration of the REST API: ISO-8601 dates, strict input (unknown members, trailing tokens,
 * duplicate members, numbers or booleans given for text, numbers given for dates are refused), records, nulls left out,
 * and the read-only members a type declares ({@link org.bastion.crm.api.rest.ReadOnlyMembers}) accepted and ignored.
 */
public final class CrmObjectMapper {

    /** The mapper the JSON provider and the {@link ObjectMapperResolver} share; configured once, thread-safe. */
    public static final ObjectMapper SHARED = create();

    private CrmObjectMapper() {
    }

    /** A new mapper with the API's settings. */
    public static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // the read-only members a draft type declares (@ReadOnlyMembers of crm-api), whichever bundle owns it
                .annotationIntrospector(new ReadOnlyMembersIntrospector())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // not lenient: a date is an ISO-8601 string, never a number read as days or seconds since 1970
                .defaultLeniency(false)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        // a number or boolean where text is expected is a client error, not something to turn into text silently
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
