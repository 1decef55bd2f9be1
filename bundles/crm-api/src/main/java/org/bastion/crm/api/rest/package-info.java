/**
 * The names that join a JAX-RS resource or extension to the one Bastion CRM REST application, and the small helpers
 * every resource shares: version ETags and {@code If-Match}, paging parameters and links; the security headers and
 * problem types every HTTP answer of the CRM uses.
 */
@Export
@Version("2.2.0")
package org.bastion.crm.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
