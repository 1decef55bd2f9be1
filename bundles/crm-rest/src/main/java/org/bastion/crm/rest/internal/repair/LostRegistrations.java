package org.bastion.crm.rest.internal.repair;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * Which JAX-RS services the whiteboard knows of, served or failed, according to its runtime DTO; a registered service
 * it does not know is one whose registration event it lost.
 */
final class LostRegistrations {

    private LostRegistrations() {
    }

    /** The service ids the runtime DTO mentions anywhere: served applications, resources, extensions, and failures. */
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
        add(ids, runtime.failedApplicationDTOs);
        add(ids, runtime.failedResourceDTOs);
        add(ids, runtime.failedExtensionDTOs);
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

    private static void add(Set<Long> ids, BaseDTO[] dtos) {
        if (dtos != null) {
            Stream.of(dtos).forEach(dto -> ids.add(dto.serviceId));
        }
    }
}
