package org.bastion.crm.support.rest;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies a merge patch to a record's draft with the REST application's own JSON mapping (dates, unknown fields),
 * so that a patched field is read exactly as the same field in a PUT body would be.
 */
public final class DraftPatcher {

    private final ObjectMapper mapper;

    /** A patcher reading and writing drafts with {@code mapper}. */
    public DraftPatcher(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The patcher using the mapper the application's JSON provider offers (a resource method's
     * {@code @Context Providers}).
     *
     * @throws IllegalStateException when the application offers no {@code ObjectMapper}
     */
    public static DraftPatcher from(Providers providers) {
        ContextResolver<ObjectMapper> resolver = providers == null ? null
                : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
        ObjectMapper mapper = resolver == null ? null : resolver.getContext(ObjectMapper.class);
        if (mapper == null) {
            throw new IllegalStateException("the CRM JSON provider offers no ObjectMapper");
        }
        return new DraftPatcher(mapper);
    }

    /**
     * The draft {@code patch} turns {@code current} into.
     *
     * @throws ValidationException when the patch is not a JSON object
     * @throws JsonProcessingException when the patched draft has unknown fields or values of the wrong type (mapped to 400)
     */
    public <D> D patch(D current, JsonNode patch, Class<D> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ValidationException.of("body", "must be a JSON object (a JSON Merge Patch, RFC 7396)");
        }
        JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
        return mapper.treeToValue(merged, type);
    }
}
