package org.bastion.crm.rest.internal.request;

import java.io.IOException;
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
import org.bastion.crm.rest.internal.errors.ErrorAnswers;
import org.osgi.service.component.annotations.Component;

/**
 * Answers 400 (problem+json, with the security headers, through {@link ErrorAnswers}) to a request whose path or query holds a {@code %}
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
        ErrorAnswers.problem(request, response, 400,
                "The request " + part + " holds a '%' that is not followed by two hexadecimal digits.",
                request.getRequestURI(), List.of(new FieldError(part, "is not percent-encoded correctly")));
    }
}
