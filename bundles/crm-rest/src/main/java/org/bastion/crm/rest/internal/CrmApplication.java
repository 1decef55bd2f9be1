package org.bastion.crm.rest.internal;

import javax.ws.rs.core.Application;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.caller.PublicMatchFilter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of the CRM, at {@value CrmRest#BASE_PATH}; it holds no resources of its own: resources
 * and extensions join it on the whiteboard by selecting {@link CrmRest#APPLICATION_SELECT}. The whiteboard serves it only
 * while the caller filters (authentication, and the check that a request admitted as public reached a public method)
 * and the security headers filter are there, so that no request is ever
 * answered without them, not even in the moment between their (re)starts.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(CrmRest.BASE_PATH)
@JaxrsName(CrmRest.APPLICATION_NAME)
@JaxrsExtensionSelect({"(osgi.jaxrs.name=bastion-crm-caller)", "(osgi.jaxrs.name=" + PublicMatchFilter.NAME + ")",
        "(osgi.jaxrs.name=bastion-crm-security-headers)"})
public class CrmApplication extends Application {
}
