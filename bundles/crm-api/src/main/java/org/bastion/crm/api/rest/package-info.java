/**
 * The names that join a JAX-RS resource or extension to the one Bastion CRM REST application, and the small helpers
 * every resource shares: version ETags and {@code If-Match}, paging parameters and links.
 */
@Export
@Version("1.1.1")
package org.bastion.crm.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
