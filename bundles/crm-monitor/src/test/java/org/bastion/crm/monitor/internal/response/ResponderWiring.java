package org.bastion.crm.monitor.internal.response;

import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.api.security.UserService;

/** Sets a {@link Responder}'s optional references as DS would. */
public final class ResponderWiring {

    private ResponderWiring() {
    }

    public static void bind(Responder responder, AccessRestrictions restrictions, SessionService sessions,
            UserService users, AuditLog auditLog) {
        responder.restrictions = restrictions;
        responder.sessions = sessions;
        responder.users = users;
        responder.auditLog = auditLog;
    }
}
