package org.bastion.crm.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's audit policy that holds while crm-audit is not installed: whether changes must be refused without an
 * audit trail ({@code required} in PID {@code org.bastion.crm.audit}). Provided by a platform bundle, so that it is
 * there when crm-audit is not.
 */
@ProviderType
public interface AuditPolicy {

    /** Whether a change must be refused (503) while no {@link AuditLog} is installed. */
    boolean required();
}
