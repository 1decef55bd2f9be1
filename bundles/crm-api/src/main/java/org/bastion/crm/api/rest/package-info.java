/** The names that join a JAX-RS resource or extension to the one Bastion CRM REST application. */
@Export
@Version("1.0.0")
package org.bastion.crm.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
