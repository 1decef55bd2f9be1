/** Reading the audit trail: filters, pages, {@code GET /api/v1/audit} and the caller's own login history. */
package org.bastion.crm.audit.internal.query;
