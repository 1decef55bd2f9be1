/**
 * Permissions for every bundle: Shiro wildcard permissions ({@code domain:action[:scope]}), the catalogue bundles
 * contribute to ({@link org.bastion.crm.api.permissions.PermissionSet}), roles, teams and record scopes
 * (own/team/all). Implemented by {@code crm-permissions}; see {@code docs/permissions.md}.
 */
@Export
@Version("1.2.0")
package org.bastion.crm.api.permissions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
