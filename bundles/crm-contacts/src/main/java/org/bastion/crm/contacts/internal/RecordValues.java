package org.bastion.crm.contacts.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads record components by name and copies a record with some of them replaced, so that rules acting on tagged
 * fields (such as {@link SensitiveFields}) follow the tags instead of a hand-written list of fields.
 *
 * @param <R> the record type
 */
final class RecordValues<R extends Record> {

    private final RecordComponent[] components;
    private final Constructor<R> constructor;

    RecordValues(Class<R> type) {
        components = type.getRecordComponents();
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
    }

    /** Whether the record type has a component of this name. */
    boolean has(String field) {
        return Arrays.stream(components).anyMatch(component -> component.getName().equals(field));
    }

    /** The value of component {@code field} of {@code record}. */
    Object get(R record, String field) {
        for (RecordComponent component : components) {
            if (component.getName().equals(field)) {
                return invoke(() -> component.getAccessor().invoke(record));
            }
        }
        throw new IllegalArgumentException("no component " + field);
    }

    /** A copy of {@code record} with the named components replaced (a null value stands for null). */
    R with(R record, Map<String, ?> replaced) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values[i] = replaced.containsKey(component.getName()) ? replaced.get(component.getName())
                    : invoke(() -> component.getAccessor().invoke(record));
        }
        return invoke(() -> constructor.newInstance(values));
    }

    private interface Reflective<T> {
        T call() throws ReflectiveOperationException;
    }

    private static <T> T invoke(Reflective<T> call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
