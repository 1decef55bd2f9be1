/**
 * Karaf shell commands of scope {@code crm} for the audit trail; the header below makes Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.audit.internal.shell.*")
package org.bastion.crm.audit.internal.shell;

import org.osgi.annotation.bundle.Header;
