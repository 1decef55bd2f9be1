/**
 * Karaf shell commands of scope {@code crm} for contacts and companies; the header below makes Karaf scan this package.
 */
@Header(name = "Karaf-Commands", value = "org.bastion.crm.contacts.internal.shell.*")
package org.bastion.crm.contacts.internal.shell;

import org.osgi.annotation.bundle.Header;
