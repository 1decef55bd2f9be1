package org.bastion.crm.api.security;

import org.bastion.crm.api.CrmException;

/** The caller is not authenticated, or the credentials were not accepted; maps to HTTP 401. */
public class AuthenticationException extends CrmException {

    private static final long serialVersionUID = 1L;

    /** The one message every failed login gets, whatever the reason. */
    public static final String LOGIN_FAILED = "The username, password or code is not correct.";

    public AuthenticationException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unauthorized";
    }
}
