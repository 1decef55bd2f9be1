/** Contacts: the people a company keeps in its CRM, and the service that stores and finds them. */
@Export
@Version("1.1.0")
package org.bastion.crm.api.contacts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
