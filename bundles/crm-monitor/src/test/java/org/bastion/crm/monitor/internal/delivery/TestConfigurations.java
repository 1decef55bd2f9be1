package org.bastion.crm.monitor.internal.delivery;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotation instances for tests: the declared defaults, overridden by name. */
public final class TestConfigurations {

    private TestConfigurations() {
    }

    /** An instance of the configuration type {@code type} with {@code values} over its defaults. */
    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> type.getSimpleName() + values;
                case "annotationType" -> type;
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }));
    }

    /** A delivery configuration. */
    public static DeliveryConfiguration delivery(Map<String, Object> values) {
        return of(DeliveryConfiguration.class, values);
    }
}
