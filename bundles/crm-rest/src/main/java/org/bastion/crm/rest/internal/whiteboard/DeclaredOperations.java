package org.bastion.crm.rest.internal.whiteboard;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.bastion.crm.api.rest.AllowedDuringEnrolment;
import org.bastion.crm.api.rest.PublicEndpoint;

/**
 * The operations the application's resource classes declare public ({@link PublicEndpoint}) or allowed to a session
 * restricted to enrolment ({@link AllowedDuringEnrolment}), read from their annotations; holds only strings, never a
 * class, so an uninstalled bundle's class loader is not kept.
 *
 * @param publicOperations the operations that need no session
 * @param enrolmentOperations the operations an enrolment-only session may make
 */
public record DeclaredOperations(List<DeclaredOperation> publicOperations, List<DeclaredOperation> enrolmentOperations) {

    /** No operation public, none allowed during enrolment. */
    public static final DeclaredOperations NONE = new DeclaredOperations(List.of(), List.of());

    public DeclaredOperations {
        publicOperations = List.copyOf(publicOperations);
        enrolmentOperations = List.copyOf(enrolmentOperations);
    }

    /** The operations the resource methods of {@code resourceClasses} declare. */
    public static DeclaredOperations of(Collection<Class<?>> resourceClasses) {
        List<DeclaredOperation> publicOperations = new ArrayList<>();
        List<DeclaredOperation> enrolmentOperations = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            Path typePath = type.getAnnotation(Path.class);
            for (Method method : type.getMethods()) {
                PublicEndpoint publicEndpoint = method.getAnnotation(PublicEndpoint.class);
                boolean enrolment = method.isAnnotationPresent(AllowedDuringEnrolment.class);
                if (publicEndpoint == null && !enrolment) {
                    continue;
                }
                Set<String> methods = httpMethods(method);
                Path methodPath = method.getAnnotation(Path.class);
                String template = DeclaredOperation.join(typePath == null ? "" : typePath.value(),
                        methodPath == null ? "" : methodPath.value());
                String where = type.getName() + "." + method.getName();
                if (publicEndpoint != null) {
                    publicOperations.add(new DeclaredOperation(methods, DeclaredOperation.segmentsOf(template),
                            publicEndpoint.trailingSlash(), where));
                }
                if (enrolment) {
                    enrolmentOperations.add(new DeclaredOperation(methods, DeclaredOperation.segmentsOf(template),
                            false, where));
                }
            }
        }
        return new DeclaredOperations(publicOperations, enrolmentOperations);
    }

    /** Whether {@code method} on the raw relative {@code path} needs no session. */
    public boolean isPublic(String method, String path) {
        return publicOperations.stream().anyMatch(operation -> operation.matches(method, path));
    }

    /** Whether a session restricted to enrolment may make {@code method} on the raw relative {@code path}. */
    public boolean allowsDuringEnrolment(String method, String path) {
        return enrolmentOperations.stream().anyMatch(operation -> operation.matches(method, path));
    }

    /** The HTTP methods of a resource method (its annotations meta-annotated with {@link HttpMethod}); GET brings HEAD. */
    static Set<String> httpMethods(Method method) {
        Set<String> methods = new LinkedHashSet<>();
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                methods.add(http.value());
                if (http.value().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        return methods;
    }
}
