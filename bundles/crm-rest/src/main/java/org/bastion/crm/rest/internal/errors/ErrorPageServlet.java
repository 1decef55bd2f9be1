package org.bastion.crm.rest.internal.errors;

import java.io.IOException;
import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The container's error page for every 4xx and 5xx status and every exception that reaches it (a servlet calling
 * {@code sendError}, an exception thrown past CXF): answers problem+json with the security headers instead of Jetty's
 * HTML page, which names the exception's class and message. The error dispatch skips request filters, so it sets the
 * security headers itself. pax-web maps error pages per web context path, so this one serves the context at {@code /},
 * which holds the REST application, the web console and Swagger UI.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.name=bastion-crm-error-page",
    "osgi.http.whiteboard.servlet.errorPage=4xx",
    "osgi.http.whiteboard.servlet.errorPage=5xx",
    "osgi.http.whiteboard.servlet.errorPage=java.lang.Throwable"})
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int NOT_FOUND = 404;
    private static final int INTERNAL_ERROR = 500;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorAnswers.problem(request, response, statusOf(request), null,
                uri instanceof String ? (String) uri : request.getRequestURI());
    }

    /**
     * The status of the failed request: the one given to {@code sendError}, 500 for an exception without one, and
     * 404 when the page is asked for directly (there is no failed request then).
     */
    static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer && (Integer) status >= 400 && (Integer) status <= 599) {
            return (Integer) status;
        }
        boolean failed = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null
                || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
        return failed ? INTERNAL_ERROR : NOT_FOUND;
    }
}
