/** Cross-cutting API: the caller, paging, and the errors every Bastion CRM service may raise. */
@Export
@Version("1.4.0")
package org.bastion.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
