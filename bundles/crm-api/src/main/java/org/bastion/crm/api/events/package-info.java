/**
 * Record events: the EventAdmin topic scheme ({@code org/bastion/crm/<records>/CREATED|UPDATED|DELETED}) and event
 * properties ({@code id}, {@code caller}) every record-owning bundle, a vendor's included, posts and audit and
 * monitoring listen to; and the helper that posts them.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
