package org.bastion.crm.api.monitor;

import java.util.Optional;

import org.bastion.crm.api.audit.AuditRecord;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule crm-monitor evaluates on every audit entry as it is recorded. Register one as an OSGi service (whiteboard)
 * with a unique {@link #name()}; the CRM's own rules are {@code failed-logins}, {@code credential-stuffing},
 * {@code mass-read}, {@code privilege-change}, {@code off-hours-admin}, {@code new-address} and
 * {@code audit-tampering}. A rule must answer quickly and must not throw; one that throws is logged and skipped.
 */
@ConsumerType
public interface AlertRule {

    /** The rule's stable name: lower-case words joined by dashes, unique among the registered rules. */
    String name();

    /** Whether {@code record} raises an alert, using {@code window} to count across entries and nodes. */
    Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window);
}
