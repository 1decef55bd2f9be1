package org.bastion.crm.rest.internal.repair;

import java.util.function.Function;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.whiteboard.ApplicationResources;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * Tells the JAX-RS whiteboard services that belong to the CRM application by their properties alone, never by who
 * registered them: the application itself, and every resource or extension whose application filter selects it.
 */
final class CrmServices {

    private CrmServices() {
    }

    /** Whether a service with these properties is the CRM application or a resource or extension of it. */
    static boolean belongsToCrmApplication(Function<String, Object> properties) {
        if (properties.apply(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE) != null) {
            return CrmRest.APPLICATION_NAME.equals(properties.apply(JaxrsWhiteboardConstants.JAX_RS_NAME));
        }
        return ApplicationResources.selectsCrmApplication(
                properties.apply(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT));
    }
}
