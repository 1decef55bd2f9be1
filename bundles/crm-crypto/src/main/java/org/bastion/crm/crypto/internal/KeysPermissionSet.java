package org.bastion.crm.crypto.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions the crypto bundle defines: {@code keys:read} and {@code keys:manage}. */
@Component(service = PermissionSet.class)
public final class KeysPermissionSet implements PermissionSet {

    static final List<PermissionDefinition> DEFINITIONS = List.of(
            new PermissionDefinition(StandardPermissions.KEYS_READ,
                    "See the encryption key versions, how many records use each, and the key rotations", false),
            new PermissionDefinition(StandardPermissions.KEYS_MANAGE,
                    "Start rotating an encryption key (a new version, everything re-encrypted in the background)",
                    false));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }
}
