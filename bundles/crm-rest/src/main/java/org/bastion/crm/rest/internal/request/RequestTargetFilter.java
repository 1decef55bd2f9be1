package org.bastion.crm.rest.internal.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.problem.Problem;
import org.bastion.crm.rest.internal.problem.ProblemResponses;
import org.osgi.service.component.annotations.Component;

/**
 * Answers 400 (problem+json, with the API's security headers) to a request whose path or query holds a {@code %}
 * not followed by two hexadecimal digits, before CXF sees it: CXF decodes the query while it prepares the request,
 * before any JAX-RS filter or exception mapper can step in, and a malformed escape there ended in an empty 500.
 *
 * <p>A servlet filter of the HTTP whiteboard in the servlet context the JAX-RS whiteboard creates for the CRM
 * application ({@code context.for<application name>}), so it sees every request of the application.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.name=bastion-crm-request-target",
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.asyncSupported=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=context.for" + CrmRest.APPLICATION_NAME + ")"})
public class RequestTargetFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String part = !PercentEncoding.isWellFormed(http.getRequestURI()) ? "path"
                    : !PercentEncoding.isWellFormed(http.getQueryString()) ? "query" : null;
            if (part != null) {
                refuse(http, answer, part);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String part)
            throws IOException {
        Problem problem = ProblemResponses.problem(ProblemResponses.codeOf(400), ProblemResponses.titleOf(400), 400,
                "The request " + part + " holds a '%' that is not followed by two hexadecimal digits.",
                request.getRequestURI(), List.of(new FieldError(part, "is not percent-encoded correctly")));
        byte[] body = ProblemResponses.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.setContentType(CrmRest.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        response.getOutputStream().write(body);
    }
}
