package org.bastion.crm.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * Every endpoint the running CRM application serves, as the JAX-RS whiteboard's runtime DTO describes it: the
 * resource methods of the application named {@code bastion-crm} (paths relative to {@code /api/v1}).
 */
public final class RestEndpoints {

    /** The {@code osgi.jaxrs.name} of the CRM application. */
    public static final String APPLICATION_NAME = "bastion-crm";

    private RestEndpoints() {
    }

    /**
     * The endpoints as keys made by {@code key} from method and path (e.g. {@code "GET /contacts/{}"}), sorted; fails
     * naming the applications found when the CRM application is not among them.
     */
    public static Set<String> of(BundleContext bundleContext, BiFunction<String, String, String> key) {
        Set<String> endpoints = new TreeSet<>();
        for (ResourceMethodInfoDTO method : methods(application(bundleContext))) {
            endpoints.add(key.apply(method.method, method.path));
        }
        return endpoints;
    }

    private static ApplicationDTO application(BundleContext bundleContext) {
        ServiceReference<JaxrsServiceRuntime> reference = bundleContext.getServiceReference(JaxrsServiceRuntime.class);
        if (reference == null) {
            throw new AssertionError("no JaxrsServiceRuntime service is registered");
        }
        JaxrsServiceRuntime runtime = bundleContext.getService(reference);
        try {
            RuntimeDTO dto = runtime.getRuntimeDTO();
            List<String> names = new ArrayList<>();
            for (ApplicationDTO application : dto.applicationDTOs) {
                if (APPLICATION_NAME.equals(application.name)) {
                    return application;
                }
                names.add(application.name + " at " + application.base);
            }
            throw new AssertionError("the JAX-RS runtime has no application " + APPLICATION_NAME + "; it has " + names
                    + " and the default one at " + dto.defaultApplication.base);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static List<ResourceMethodInfoDTO> methods(ApplicationDTO application) {
        List<ResourceMethodInfoDTO> methods = new ArrayList<>();
        if (application.resourceMethods != null) {
            methods.addAll(List.of(application.resourceMethods));
        }
        if (application.resourceDTOs != null) {
            for (ResourceDTO resource : application.resourceDTOs) {
                if (resource.resourceMethods != null) {
                    methods.addAll(List.of(resource.resourceMethods));
                }
            }
        }
        return methods;
    }
}
