package org.bastion.crm.api.crypto;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@link DataTags} of an API record type: which of its fields are personal and which sensitive. The answer is
 * kept with the class itself ({@link ClassValue}), so a vendor bundle's types do not keep its class loader alive once the
 * bundle is uninstalled.
 */
public final class FieldTags {

    private static final ClassValue<Map<String, Set<FieldTag>>> TAGS = new ClassValue<>() {
        @Override
        protected Map<String, Set<FieldTag>> computeValue(Class<?> type) {
            return read(type);
        }
    };

    private FieldTags() {
    }

    /** The tagged fields of {@code type}, in declaration order, each with its tags; untagged fields are left out. */
    public static Map<String, Set<FieldTag>> of(Class<? extends Record> type) {
        return TAGS.get(type);
    }

    /** The fields of {@code type} carrying {@code tag}, in declaration order. */
    public static Set<String> fieldsTagged(Class<? extends Record> type, FieldTag tag) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        of(type).forEach((field, tags) -> {
            if (tags.contains(tag)) {
                fields.add(field);
            }
        });
        return Collections.unmodifiableSet(fields);
    }

    /** Whether field {@code field} of {@code type} carries {@code tag}. */
    public static boolean has(Class<? extends Record> type, String field, FieldTag tag) {
        return of(type).getOrDefault(field, Set.of()).contains(tag);
    }

    private static Map<String, Set<FieldTag>> read(Class<?> type) {
        Map<String, Set<FieldTag>> tags = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            DataTags declared = component.getAnnotation(DataTags.class);
            if (declared != null && declared.value().length > 0) {
                EnumSet<FieldTag> set = EnumSet.noneOf(FieldTag.class);
                for (FieldTag tag : declared.value()) {
                    set.add(tag);
                }
                if (set.contains(FieldTag.SENSITIVE)) {
                    set.add(FieldTag.PERSONAL);
                }
                tags.put(component.getName(), Collections.unmodifiableSet(set));
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
