package org.bastion.crm.monitor.internal.metrics;

import org.bastion.crm.api.audit.AuditListener;
import org.bastion.crm.api.audit.AuditRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Counts logins by outcome from the audit entries {@code auth.login.<outcome>} as they are recorded. */
@Component(service = AuditListener.class)
public class LoginMetrics implements AuditListener {

    static final String PREFIX = "auth.login.";

    private final CrmMetrics metrics;

    @Activate
    public LoginMetrics(@Reference CrmMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void recorded(AuditRecord record) {
        String action = record.action();
        if (action.startsWith(PREFIX) && action.length() > PREFIX.length()) {
            metrics.login(action.substring(PREFIX.length()));
        }
    }
}
