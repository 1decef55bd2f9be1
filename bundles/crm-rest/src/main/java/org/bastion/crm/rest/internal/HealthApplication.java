package org.bastion.crm.rest.internal;

import javax.ws.rs.core.Application;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The application of {@code GET /api/v1/health} alone. The whiteboard rebuilds an application, briefly answering 404,
 * each time a resource of it comes or goes; with health apart, installing or removing a capability never makes a
 * health check fail. The CRM's own extensions serve both applications ({@link CrmRest#APPLICATIONS_SELECT}).
 */
@Component(service = Application.class)
@JaxrsApplicationBase(CrmRest.BASE_PATH + "/health")
@JaxrsName(CrmRest.HEALTH_APPLICATION_NAME)
public class HealthApplication extends Application {
}
