package org.bastion.crm.rest.internal.json;

import org.bastion.crm.api.rest.ReadOnlyMembers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Jackson's own annotations plus {@link ReadOnlyMembers}: the members a type declares read-only are accepted and
 * ignored when read, and still written (like {@code @JsonIgnoreProperties(value = ..., allowGetters = true)}). Reads
 * the annotation from the type itself, so a type of any bundle is covered without registering it anywhere, and
 * nothing here holds on to a bundle's classes (only the mapper's own per-type caches do).
 */
final class ReadOnlyMembersIntrospector extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
        JsonIgnoreProperties.Value own = super.findPropertyIgnoralByName(config, annotated);
        ReadOnlyMembers readOnly = annotated.getAnnotation(ReadOnlyMembers.class);
        if (readOnly == null || readOnly.value().length == 0) {
            return own;
        }
        JsonIgnoreProperties.Value declared = JsonIgnoreProperties.Value.forIgnoredProperties(readOnly.value())
                .withAllowGetters();
        return own == null ? declared : own.withOverrides(declared);
    }
}
