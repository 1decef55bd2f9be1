package org.bastion.crm.rest.internal.whiteboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks the whiteboard resource services that join the CRM application and tells their classes; the tracking
 * count changes whenever a resource comes or goes, so callers can cache what they derive from the classes.
 */
public final class ApplicationResources implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApplicationResources.class.getName());

    /** The properties the CRM application is registered with, which a resource's application filter must match. */
    public static final Map<String, Object> APPLICATION_PROPERTIES = Map.of(
            JaxrsWhiteboardConstants.JAX_RS_NAME, CrmRest.APPLICATION_NAME,
            JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, CrmRest.BASE_PATH);

    private static final String RESOURCE_FILTER = "(&(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)("
            + JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT + "=*))";

    private final ServiceTracker<Object, ServiceReference<Object>> tracker;

    public ApplicationResources(BundleContext context) throws InvalidSyntaxException {
        this.tracker = new ServiceTracker<>(context, context.createFilter(RESOURCE_FILTER), null) {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                return selectsCrmApplication(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT))
                        ? reference : null;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
                // nothing to unget: the services are never got. The default ungetService would, for this very
                // resource during its own deactivation, make Felix report "ungetService() resulted in a cycle".
            }
        };
        tracker.open(true);
    }

    /** A number that changes whenever the set of tracked resources changes. */
    public int trackingCount() {
        return tracker.getTrackingCount();
    }

    /**
     * The classes of the resources currently joined to the application, loaded from each registering bundle by the
     * service's object class: the services themselves are never got, so no resource is created (or, for this very
     * resource, got from inside its own activation or deactivation) just to be described.
     */
    public List<Class<?>> classes() {
        List<Class<?>> classes = new ArrayList<>();
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        if (references == null) {
            return classes;
        }
        for (ServiceReference<Object> reference : references) {
            Bundle bundle = reference.getBundle();
            Object objectClass = reference.getProperty(Constants.OBJECTCLASS);
            if (bundle == null || !(objectClass instanceof String[] names) || names.length == 0) {
                continue;
            }
            try {
                classes.add(bundle.loadClass(names[0]));
            } catch (ClassNotFoundException | IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "Leaving out a resource whose class "
                        + names[0] + " cannot be loaded: " + e);
            }
        }
        return classes;
    }

    /** Whether an {@code osgi.jaxrs.application.select} value picks the CRM application. */
    public static boolean selectsCrmApplication(Object select) {
        if (!(select instanceof String filter)) {
            return false;
        }
        try {
            Filter parsed = FrameworkUtil.createFilter(filter);
            return parsed.matches(APPLICATION_PROPERTIES);
        } catch (InvalidSyntaxException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ignoring a resource with an invalid application filter: " + filter);
            return false;
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
