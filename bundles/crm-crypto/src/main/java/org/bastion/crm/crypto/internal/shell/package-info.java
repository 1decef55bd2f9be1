/**
 * Karaf shell commands of scope {@code crm} for key administration; the header below makes Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.crypto.internal.shell.*")
package org.bastion.crm.crypto.internal.shell;

import org.osgi.annotation.bundle.Header;
