package org.bastion.crm.permissions.internal.rest;

import org.bastion.crm.api.permissions.PermissionDefinition;

/**
 * One permission of the catalogue on the wire.
 *
 * @param permission the permission, {@code domain:action}
 * @param description what a holder may do
 * @param scoped whether it is granted per record scope ({@code :own}, {@code :team}, {@code :all})
 */
public record PermissionBody(String permission, String description, boolean scoped) {

    static PermissionBody of(PermissionDefinition definition) {
        return new PermissionBody(definition.permission(), definition.description(), definition.scoped());
    }
}
