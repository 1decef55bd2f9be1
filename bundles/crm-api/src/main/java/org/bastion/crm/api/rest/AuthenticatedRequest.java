package org.bastion.crm.api.rest;

import java.util.Objects;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CrmException;

/**
 * Who a request to the REST application acts for, as a {@link RequestAuthenticator} decided.
 *
 * @param caller the caller the request runs as
 * @param outsideEnrolment null for a full session; for a session restricted to enrolment, the error (a declared problem)
 *                         that answers any operation not marked {@link AllowedDuringEnrolment}
 */
public record AuthenticatedRequest(Caller caller, CrmException outsideEnrolment) {

    public AuthenticatedRequest {
        Objects.requireNonNull(caller, "caller");
    }

    /** Whether the session may only make the operations marked {@link AllowedDuringEnrolment}. */
    public boolean enrolmentOnly() {
        return outsideEnrolment != null;
    }
}
