package org.bastion.crm.monitor.internal.alert;

import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.permissions.Permissions;
import org.osgi.service.event.EventAdmin;

/** Sets the alert components' optional references as DS would. */
public final class AlertWiring {

    private AlertWiring() {
    }

    public static void bind(AlertServiceImpl service, Permissions permissions, AuditLog auditLog) {
        service.permissions = permissions;
        service.auditLog = auditLog;
    }

    public static void bind(AlertRaiser raiser, EventAdmin events) {
        raiser.events = events;
    }
}
