package org.bastion.crm.api.security;

import org.bastion.crm.api.AccessDeniedException;

/** The caller's role requires two-factor login and the caller has not set it up: only enrolment is allowed (403). */
public class TotpEnrolmentRequiredException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    public TotpEnrolmentRequiredException() {
        super("Your role requires two-factor login: enrol an authenticator app (POST /api/v1/auth/totp/enroll) first.");
    }

    @Override
    public String code() {
        return "totp-enrolment-required";
    }
}
