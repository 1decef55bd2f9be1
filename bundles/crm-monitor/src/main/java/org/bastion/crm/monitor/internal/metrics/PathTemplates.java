package org.bastion.crm.monitor.internal.metrics;

import java.lang.reflect.Method;
import java.util.regex.Pattern;

import javax.ws.rs.Path;

/**
 * The label of a matched resource method: {@code /} + the class's and the method's {@code @Path} templates, with
 * each parameter's regular expression left out ({@code /contacts/{id}}), never the raw request path with its ids.
 */
final class PathTemplates {

    /** The label of a request no resource method matched (401 before matching, 404, ...). */
    static final String UNMATCHED = "unmatched";

    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*([\\w.-]+)\\s*:[^}]*}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private PathTemplates() {
    }

    static String of(Method method) {
        if (method == null) {
            return UNMATCHED;
        }
        Path classPath = method.getDeclaringClass().getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String template = "/" + (classPath == null ? "" : classPath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        template = PARAMETER_REGEX.matcher(template).replaceAll("{$1}");
        template = SLASHES.matcher(template).replaceAll("/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }
}
