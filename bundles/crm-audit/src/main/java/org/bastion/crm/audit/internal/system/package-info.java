/**
 * What the platform itself does, recorded as system events: configuration changes of the CRM's PIDs (key names only),
 * features installed and uninstalled, bundles installed, uninstalled, started and stopped.
 */
package org.bastion.crm.audit.internal.system;
