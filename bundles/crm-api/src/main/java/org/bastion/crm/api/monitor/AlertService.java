package org.bastion.crm.api.monitor;

import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists and manages the alerts; every method checks the caller's permissions ({@code alerts:read},
 * {@code alerts:manage}) and acknowledging or resolving is audited.
 */
@ProviderType
public interface AlertService {

    /** The alerts that match, newest first. */
    Page<Alert> list(AlertQuery query, PageRequest page);

    /**
     * One alert.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is none
     */
    Alert get(UUID id);

    /**
     * Marks an open alert as seen; acknowledging an acknowledged one changes nothing.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is none
     * @throws org.bastion.crm.api.ConflictException when it is resolved
     */
    Alert acknowledge(UUID id, String note);

    /**
     * Marks an alert as dealt with; the next triggering entry raises a new one.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is none
     */
    Alert resolve(UUID id, String note);
}
