/**
 * Karaf shell commands of scope {@code crm} for backups; the header below makes Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.backup.internal.shell.*")
package org.bastion.crm.backup.internal.shell;

import org.osgi.annotation.bundle.Header;
