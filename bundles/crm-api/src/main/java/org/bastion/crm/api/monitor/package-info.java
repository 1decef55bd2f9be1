/**
 * Real-time monitoring: the rules evaluated on each recorded audit entry ({@link AlertRule}, a whiteboard a vendor's
 * bundle joins), the cluster-wide windows they count in ({@link RuleWindow}), the alerts they raise ({@link Alert}),
 * the service that lists and manages them ({@link AlertService}) and the EventAdmin topics alerts are posted on
 * ({@link AlertEvents}). Provided by crm-monitor.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.api.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
