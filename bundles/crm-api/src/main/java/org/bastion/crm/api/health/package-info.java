/** Health: a whiteboard where each bundle reports whether its part of the CRM works. */
@Export
@Version("1.0.0")
package org.bastion.crm.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
