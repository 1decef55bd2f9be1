/** Prometheus metrics of the CRM: {@code GET /api/v1/metrics} and what it counts. */
package org.bastion.crm.monitor.internal.metrics;
