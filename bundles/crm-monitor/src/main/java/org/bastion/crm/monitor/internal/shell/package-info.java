/**
 * Karaf shell commands of scope {@code crm} for alerts; the header below makes Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.monitor.internal.shell.*")
package org.bastion.crm.monitor.internal.shell;

import org.osgi.annotation.bundle.Header;
