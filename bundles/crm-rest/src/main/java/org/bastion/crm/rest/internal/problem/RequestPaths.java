package org.bastion.crm.rest.internal.problem;

import javax.ws.rs.core.UriInfo;

/** The request path a problem's {@code instance} names. */
final class RequestPaths {

    private RequestPaths() {
    }

    /** The raw path of the current request, or null outside a request. */
    static String of(UriInfo uriInfo) {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
