package org.bastion.crm.audit.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.osgi.service.component.annotations.Component;

/** The permission this bundle defines: reading the audit trail (built-in roles auditor, dpo and admin hold it). */
@Component(service = PermissionSet.class)
public final class AuditPermissionSet implements PermissionSet {

    private static final List<PermissionDefinition> PERMISSIONS = List.of(
            new PermissionDefinition(StandardPermissions.AUDIT_READ,
                    "Read, search, verify and export the audit trail.", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return PERMISSIONS;
    }
}
