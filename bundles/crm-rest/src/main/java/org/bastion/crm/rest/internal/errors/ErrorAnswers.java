package org.bastion.crm.rest.internal.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.SecurityHeaders;
import org.bastion.crm.rest.internal.problem.ProblemResponses;

/**
 * Writes a problem+json answer straight to a servlet response, with the security headers: for answers given outside
 * the JAX-RS application (a refused charset before CXF reads the request, the container's error pages), where neither
 * the JAX-RS filters nor the exception mappers run.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /** Sets the security headers: the fixed ones, no caching, the default content security policy, HSTS over TLS. */
    public static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
        SecurityHeaders.FIXED.forEach(response::setHeader);
        SecurityHeaders.DEFAULTS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader(SecurityHeaders.STRICT_TRANSPORT_SECURITY, SecurityHeaders.STRICT_TRANSPORT_SECURITY_VALUE);
        }
    }

    /** Answers {@code status} with its problem (fixed title, an optional fixed detail, the request path). */
    public static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail,
                        String instance) throws IOException {
        problem(request, response, status, detail, instance, null);
    }

    /** Answers {@code status} with its problem, naming the request parts that are wrong ({@code errors}, or null). */
    public static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail,
                        String instance, List<FieldError> errors) throws IOException {
        securityHeaders(request, response);
        response.setStatus(status);
        if (status < 200 || status == 204 || status == 304) {
            return;
        }
        byte[] body = ProblemResponses.toJson(ProblemResponses.problem(ProblemResponses.codeOf(status),
                ProblemResponses.titleOf(status), status, detail, instance, errors)).getBytes(StandardCharsets.UTF_8);
        response.setContentType(CrmRest.PROBLEM_JSON);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
