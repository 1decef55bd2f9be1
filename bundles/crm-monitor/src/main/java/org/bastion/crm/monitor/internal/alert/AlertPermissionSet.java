package org.bastion.crm.monitor.internal.alert;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The permissions this bundle defines: reading and managing alerts. */
@Component(service = PermissionSet.class)
public final class AlertPermissionSet implements PermissionSet {

    public static final String ALERTS_READ = "alerts:read";
    public static final String ALERTS_MANAGE = "alerts:manage";

    private static final List<PermissionDefinition> PERMISSIONS = List.of(
            new PermissionDefinition(ALERTS_READ, "See the monitoring alerts and the responses applied.", false),
            new PermissionDefinition(ALERTS_MANAGE,
                    "Acknowledge and resolve alerts and undo automatic responses.", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return PERMISSIONS;
    }
}
