/**
 * The audit trail every bundle, a vendor's included, records into: {@link AuditLog} (provided by crm-audit), the
 * entry a bundle gives it ({@link AuditEntry}, with {@link FieldChange field history}), the entry as recorded
 * ({@link AuditRecord}), the stable action names ({@link AuditActions}), the listeners told of each recorded entry
 * ({@link AuditListener}, such as crm-monitor's rules), and {@link AuditRecorder}, the helper a recording bundle holds
 * so that it keeps working, or refuses changes under {@link AuditPolicy}, while crm-audit is not installed.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
