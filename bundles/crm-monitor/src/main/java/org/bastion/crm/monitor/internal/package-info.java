/** Monitoring's implementation: never exported. */
package org.bastion.crm.monitor.internal;
