/** Persistence support every bundle that owns tables uses: ordered, checksummed schema migrations. */
@Export
@Version("1.0.0")
package org.bastion.crm.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
