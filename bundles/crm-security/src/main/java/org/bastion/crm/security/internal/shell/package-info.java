/**
 * Karaf shell commands of scope {@code crm} for user and session administration; the header below makes Karaf scan
 * this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.security.internal.shell.*")
package org.bastion.crm.security.internal.shell;

import org.osgi.annotation.bundle.Header;
