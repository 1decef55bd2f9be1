/**
 * JPA mapping and repositories of the contacts bundle; the header below makes Aries JPA pick up the persistence unit.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.bastion.crm.contacts.internal.jpa;

import org.osgi.annotation.bundle.Header;
