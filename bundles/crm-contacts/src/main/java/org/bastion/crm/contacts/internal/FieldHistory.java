package org.bastion.crm.contacts.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.FieldTag;
import org.bastion.crm.api.crypto.FieldTags;
import org.bastion.crm.api.crypto.RecordRef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The field history of one change of an API record: which fields differ between the record before and after, with
 * both values as text (JSON for lists, sets and nested records). A field tagged {@link FieldTag#PERSONAL} (or
 * sensitive) in the API type is a {@link FieldChange#personal personal change} under the record's key, every other
 * field a plain one; the id, the version and the timestamps the server sets are left out.
 */
public final class FieldHistory {

    /** The members a change never reports: the server keeps them and they change with every write. */
    public static final Set<String> UNREPORTED = Set.of("id", "version", "createdAt", "updatedAt");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldHistory() {
    }

    /**
     * The fields that differ between {@code before} and {@code after} (either null: a creation or a deletion), in
     * declaration order.
     *
     * @param key the record whose key encrypts personal values, or null when the type has no personal field
     */
    public static <R extends Record> List<FieldChange> between(Class<R> type, R before, R after, RecordRef key) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String field = component.getName();
            if (UNREPORTED.contains(field)) {
                continue;
            }
            String oldValue = text(valueOf(component, before));
            String newValue = text(valueOf(component, after));
            if (Objects.equals(oldValue, newValue)) {
                continue;
            }
            changes.add(isPersonal(type, field) ? FieldChange.personal(field, oldValue, newValue, Objects.requireNonNull(
                    key, "a record with personal fields needs its key")) : FieldChange.plain(field, oldValue, newValue));
        }
        return changes;
    }

    /** Whether the field holds personal data according to the type's tags. */
    public static boolean isPersonal(Class<? extends Record> type, String field) {
        return FieldTags.has(type, field, FieldTag.PERSONAL);
    }

    /**
     * A value as the history stores it: null for none (an empty list counts as none), strings as they are, numbers,
     * dates, ids and enums in their usual text form, lists, sets, maps and records as JSON.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection && collection.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty()) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Record) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the value of a " + value.getClass().getSimpleName()
                        + " as JSON", e);
            }
        }
        return value.toString();
    }

    private static Object valueOf(RecordComponent component, Record record) {
        if (record == null) {
            return null;
        }
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
