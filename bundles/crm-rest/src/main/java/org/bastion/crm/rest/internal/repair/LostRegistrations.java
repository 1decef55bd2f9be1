package org.bastion.crm.rest.internal.repair;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * Which JAX-RS services the whiteboard knows of, served or waiting, according to its runtime DTO; a registered service
 * it does not know is one whose registration event it lost, or one it failed to deploy (an error, not a wait).
 *
 * <p>A failure with reason {@link DTOConstants#FAILURE_REASON_UNKNOWN} is how Aries JAX-RS Whiteboard 2.0.2 reports a
 * service whose deployment threw ("Application ... is registered with error"), e.g. an application deployed while
 * pax-web restarts its server controller (a Jetty handler service coming at boot): the whiteboard never retries it, so
 * it counts as lost. Every other failure reason (a missing extension, a clash, a shadowing) is a state the whiteboard
 * leaves by itself when its cause goes, so it counts as known.
 */
final class LostRegistrations {

    private LostRegistrations() {
    }

    /**
     * The service ids the runtime DTO mentions: served applications, resources and extensions, and failures other than
     * an error during deployment.
     */
    static Set<Long> known(RuntimeDTO runtime) {
        Set<Long> ids = new HashSet<>();
        if (runtime == null) {
            return ids;
        }
        addApplication(ids, runtime.defaultApplication);
        if (runtime.applicationDTOs != null) {
            for (ApplicationDTO application : runtime.applicationDTOs) {
                addApplication(ids, application);
            }
        }
        if (runtime.failedApplicationDTOs != null) {
            for (FailedApplicationDTO failed : runtime.failedApplicationDTOs) {
                addUnlessErrored(ids, failed, failed.failureReason);
            }
        }
        if (runtime.failedResourceDTOs != null) {
            for (FailedResourceDTO failed : runtime.failedResourceDTOs) {
                addUnlessErrored(ids, failed, failed.failureReason);
            }
        }
        if (runtime.failedExtensionDTOs != null) {
            for (FailedExtensionDTO failed : runtime.failedExtensionDTOs) {
                addUnlessErrored(ids, failed, failed.failureReason);
            }
        }
        return ids;
    }

    /** The ids in {@code registered} that {@code known} lacks. */
    static Set<Long> lost(Set<Long> registered, Set<Long> known) {
        Set<Long> lost = new HashSet<>(registered);
        lost.removeAll(known);
        return lost;
    }

    private static void addApplication(Set<Long> ids, ApplicationDTO application) {
        if (application == null) {
            return;
        }
        ids.add(application.serviceId);
        add(ids, application.resourceDTOs);
        add(ids, application.extensionDTOs);
    }

    private static void addUnlessErrored(Set<Long> ids, BaseDTO failed, int failureReason) {
        if (failureReason != DTOConstants.FAILURE_REASON_UNKNOWN) {
            ids.add(failed.serviceId);
        }
    }

    private static void add(Set<Long> ids, BaseDTO[] dtos) {
        if (dtos != null) {
            Stream.of(dtos).forEach(dto -> ids.add(dto.serviceId));
        }
    }
}
