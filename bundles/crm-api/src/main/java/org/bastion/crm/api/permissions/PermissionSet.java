package org.bastion.crm.api.permissions;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: the permissions a bundle defines. Every bundle with guarded operations (third-party ones
 * included) registers one; {@code GET /api/v1/permissions} lists what the installed sets define, and a role naming a
 * permission whose bundle is gone keeps it, shown as undefined, without failing.
 */
@ConsumerType
public interface PermissionSet {

    /** The permissions this bundle defines; each {@code domain:action} appears once among all sets. */
    List<PermissionDefinition> permissions();
}
