package org.bastion.crm.rest.internal.caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;
import org.bastion.crm.api.rest.RequestAuthenticator;

/** A request authenticator over a map of "Authorization" values; refusals are declared the way a provider's would be. */
final class FakeRequestAuthenticator implements RequestAuthenticator {

    /** A refusal declared like a provider's own: 401 with its challenge. */
    @ProblemType(status = 401)
    static final class Unauthenticated extends CrmException implements ProblemHeaders {
        private static final long serialVersionUID = 1L;

        Unauthenticated(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "unauthorized";
        }

        @Override
        public Map<String, String> problemHeaders() {
            return Map.of("WWW-Authenticate", "Bearer realm=\"test\"");
        }
    }

    /** The refusal of an operation an enrolment-only session may not make. */
    @ProblemType(status = 403)
    static final class EnrolFirst extends CrmException {
        private static final long serialVersionUID = 1L;

        EnrolFirst() {
            super("enrol first");
        }

        @Override
        public String code() {
            return "enrolment-required";
        }
    }

    final Map<String, AuthenticatedRequest> sessions = new HashMap<>();
    final List<List<String>> asked = new ArrayList<>();
    final List<String> clientsSeen = new ArrayList<>();
    RuntimeException failure;

    @Override
    public AuthenticatedRequest authenticate(List<String> authorization, String remoteAddress, String userAgent) {
        asked.add(authorization);
        clientsSeen.add(remoteAddress + " " + userAgent);
        if (failure != null) {
            throw failure;
        }
        AuthenticatedRequest session = authorization.size() == 1 ? sessions.get(authorization.get(0)) : null;
        if (session == null) {
            throw new Unauthenticated("no session");
        }
        return session;
    }
}
