package org.bastion.crm.api.audit;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every entry the trail records on this node, once it is durable (after the change's transaction
 * committed, or after a queued entry's batch was written), on a thread of the audit bundle and in the order recorded
 * there. Register one as an OSGi service (whiteboard); crm-monitor's rules listen this way. A listener must return
 * quickly and must not throw; one that throws is logged and does not stop the others.
 */
@ConsumerType
public interface AuditListener {

    /** Called once per recorded entry. */
    void recorded(AuditRecord record);
}
