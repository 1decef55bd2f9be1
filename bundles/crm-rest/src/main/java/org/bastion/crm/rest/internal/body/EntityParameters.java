package org.bastion.crm.rest.internal.body;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.BeanParam;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;

/**
 * Whether a JAX-RS resource method reads the request body: it does when one of its parameters is the entity (a
 * parameter without a parameter annotation) or a form field; path, query, header, cookie and matrix parameters,
 * bean parameters, context injections and suspended responses are not. Annotations are read where JAX-RS reads them:
 * on the method itself, or on the method it overrides or implements when the method itself names no HTTP method.
 */
final class EntityParameters {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, BeanParam.class, Context.class, Suspended.class);

    /** The answers per resource class, kept with the class: a vendor's uninstalled class loader is not kept alive. */
    private final ClassValue<Map<Method, Boolean>> known = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** True when {@code method} reads the request body; null (nothing matched) counts as reading it. */
    boolean takesBody(Method method) {
        return method == null
                || known.get(method.getDeclaringClass()).computeIfAbsent(method, EntityParameters::readsBody);
    }

    private static boolean readsBody(Method method) {
        Method annotated = annotatedMethod(method);
        for (Annotation[] parameter : annotated.getParameterAnnotations()) {
            if (isBody(parameter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBody(Annotation[] annotations) {
        boolean injected = false;
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == FormParam.class) {
                return true;
            }
            injected |= NOT_THE_BODY.contains(annotation.annotationType());
        }
        return !injected;
    }

    /** The method JAX-RS takes the annotations from (JAX-RS 2.1, section 3.6, annotation inheritance). */
    static Method annotatedMethod(Method method) {
        if (namesHttpMethod(method)) {
            return method;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            Method found = inherited(type, method);
            if (found != null) {
                return found;
            }
        }
        return method;
    }

    private static Method inherited(Class<?> type, Method method) {
        if (type != method.getDeclaringClass()) {
            Method candidate = declared(type, method);
            if (candidate != null && namesHttpMethod(candidate)) {
                return candidate;
            }
        }
        for (Class<?> contract : type.getInterfaces()) {
            Method candidate = declared(contract, method);
            if (candidate != null && namesHttpMethod(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean namesHttpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
