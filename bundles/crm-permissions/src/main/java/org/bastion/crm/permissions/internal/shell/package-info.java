/**
 * Karaf shell commands of scope {@code crm} for roles, teams and the permission catalogue; the header below makes
 * Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.permissions.internal.shell.*")
package org.bastion.crm.permissions.internal.shell;

import org.osgi.annotation.bundle.Header;
