package org.bastion.crm.rest.internal.repair;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * Re-registers a CRM JAX-RS service the whiteboard lost: any service of the CRM application (a vendor's included,
 * chosen by its application filter, never by bundle name), logged at INFO. Aries JAX-RS Whiteboard 2.0.2 (component-dsl 1.2.2,
 * {@code OSGi.splitBy}) keeps an unsynchronised map, so two JAX-RS services registered at the same moment on two
 * threads can make it throw a ConcurrentModificationException inside the framework's event dispatch: one of them is
 * then never served (at boot, now and then, the whole application, because it waits for its filters). Likewise a
 * service whose deployment threw (the application deployed while pax-web restarts its server controller) stays
 * failed for good. Every few seconds this compares the CRM's JAX-RS services with the runtime DTO; a service missing
 * from it, or failed with an error, twice in a row is disabled and enabled again through SCR, which registers it anew
 * (docs/adr/0004-whiteboard-rebuild-window.md).
 */
@Component(immediate = true)
public final class WhiteboardRepair {

    private static final System.Logger LOG = System.getLogger(WhiteboardRepair.class.getName());

    /** The JAX-RS whiteboard services: resources, extensions and applications, whoever registered them. */
    static final String JAXRS_SERVICES = "(|(osgi.jaxrs.resource=true)(osgi.jaxrs.extension=true)"
            + "(osgi.jaxrs.application.base=*))";

    private static final long PERIOD_SECONDS = 5;

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;
    private final ServiceComponentRuntime components;
    private final ScheduledExecutorService timer;
    private final Map<Long, Integer> missingCounts = new HashMap<>();

    @Activate
    public WhiteboardRepair(BundleContext context, @Reference JaxrsServiceRuntime runtime,
            @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.runtime = runtime;
        this.components = components;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crm-whiteboard-repair");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkQuietly, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Whiteboard check failed", e);
        }
    }

    /** One round: re-register the CRM services the whiteboard has not known for two rounds in a row. */
    synchronized void check() {
        Map<Long, ServiceReference<?>> registered = crmJaxrsServices();
        Set<Long> lost = LostRegistrations.lost(registered.keySet(), LostRegistrations.known(runtime.getRuntimeDTO()));
        missingCounts.keySet().retainAll(lost);
        for (Long id : lost) {
            int rounds = missingCounts.merge(id, 1, Integer::sum);
            if (rounds >= 2) {
                missingCounts.remove(id);
                reRegister(registered.get(id));
            }
        }
    }

    /**
     * The CRM's JAX-RS services: the CRM application itself and every resource or extension that selects it, whichever
     * bundle registered them (a vendor's included).
     */
    private Map<Long, ServiceReference<?>> crmJaxrsServices() {
        Map<Long, ServiceReference<?>> services = new HashMap<>();
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, JAXRS_SERVICES);
            Bundle whiteboard = whiteboardBundle();
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                // the whiteboard's own services (its default extensions) come and go with its rebuilds: not ours to repair
                if (reference.getBundle() != null && !reference.getBundle().equals(whiteboard)
                        && CrmServices.belongsToCrmApplication(reference::getProperty)) {
                    services.put((Long) reference.getProperty("service.id"), reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return services;
    }

    /** The bundle of the JAX-RS whiteboard implementation (the one that registered the runtime), or null. */
    private Bundle whiteboardBundle() {
        ServiceReference<JaxrsServiceRuntime> reference = context.getServiceReference(JaxrsServiceRuntime.class);
        return reference == null ? null : reference.getBundle();
    }

    private void reRegister(ServiceReference<?> reference) {
        Object name = reference.getProperty("component.name");
        String service = "service " + reference.getProperty("service.id")
                + (reference.getBundle() == null ? "" : " of bundle " + reference.getBundle().getSymbolicName());
        if (reference.getBundle() == null || !(name instanceof String componentName)) {
            LOG.log(Level.WARNING, "The JAX-RS whiteboard does not know " + service
                    + " and it is not a DS component, so it cannot be re-registered");
            return;
        }
        ComponentDescriptionDTO description = components.getComponentDescriptionDTO(reference.getBundle(),
                componentName);
        if (description == null) {
            LOG.log(Level.WARNING, "The JAX-RS whiteboard does not know " + service + " and its component "
                    + componentName + " is gone, so it cannot be re-registered");
            return;
        }
        LOG.log(Level.INFO, "Repairing the JAX-RS whiteboard: it lost or failed to deploy " + service + " (component "
                + componentName + "; known races in Aries JAX-RS Whiteboard 2.0.2); registering it again");
        components.disableComponent(description).onResolve(() -> components.enableComponent(description));
    }

    /** The ids of the services currently counted as missing (for tests). */
    synchronized Set<Long> missing() {
        return new HashSet<>(missingCounts.keySet());
    }
}
