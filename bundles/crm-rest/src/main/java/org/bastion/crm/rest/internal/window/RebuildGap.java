package org.bastion.crm.rest.internal.window;

/**
 * What a request meets while the Aries JAX-RS whiteboard (2.0.2) rebuilds the CRM application's CXF server
 * ({@code CxfJaxrsServiceRegistrator.doRewire}: destroy the old server, build and start a new one, on every resource or
 * extension that comes or goes), as CXF 3.6.10's {@code ServletController} and {@code AbstractHTTPDestination} answer
 * it. In every form, CXF has not passed the request to the application: no JAX-RS filter, resource or body reader ran.
 */
final class RebuildGap {

    /** The status of CXF's answer when the application's destination is gone or has no message observer. */
    static final int NOT_FOUND_STATUS = 404;

    /** Its content type, set exactly so. */
    static final String NOT_FOUND_CONTENT_TYPE = "text/html";

    /** Its body, written through {@code getWriter()} ({@code ServletController.generateNotFound}). */
    static final String NOT_FOUND_BODY = "<html><body>No service was found.</body></html>";

    private static final String DESTINATION = "org.apache.cxf.transport.http.AbstractHTTPDestination";
    private static final String OBSERVER_FIELD = "incomingObserver";

    private RebuildGap() {
    }

    /**
     * Whether {@code failure} (or one of its causes) is the server's stop racing the request: CXF's servlet saw the
     * destination's observer, then {@code ServerImpl.stop()} set it to null before {@code AbstractHTTPDestination.invoke}
     * called it, so the request failed with a NullPointerException in that very method before any interceptor ran.
     */
    static boolean isObserverGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NullPointerException && thrownByDestinationInvoke(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByDestinationInvoke(Throwable npe) {
        StackTraceElement[] trace = npe.getStackTrace();
        if (trace.length == 0 || !DESTINATION.equals(trace[0].getClassName()) || !"invoke".equals(trace[0].getMethodName())) {
            return false;
        }
        // the JVM's helpful message names the null field (unless switched off): then it must be the observer
        String message = npe.getMessage();
        return message == null || message.contains(OBSERVER_FIELD);
    }
}
