package org.bastion.crm.itests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * An EventAdmin handler registered by the test for one topic, keeping the properties of every event it receives so
 * that a check can poll for the one it expects.
 */
public final class EventCollector implements EventHandler, AutoCloseable {

    private final List<Map<String, Object>> received = new ArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    private EventCollector(BundleContext bundleContext, String topic) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {topic});
        this.registration = bundleContext.registerService(EventHandler.class, this, properties);
    }

    /** Starts listening to {@code topic}. */
    public static EventCollector listen(BundleContext bundleContext, String topic) {
        return new EventCollector(bundleContext, topic);
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        synchronized (received) {
            received.add(properties);
        }
    }

    /** The properties of every event received so far. */
    public List<Map<String, Object>> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The first event whose properties satisfy {@code condition}, polling until {@code timeout}. */
    public Map<String, Object> await(String what, Duration timeout, Predicate<Map<String, Object>> condition) {
        try {
            return Await.until(what, timeout, () -> first(condition), Optional::isPresent).orElseThrow();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; events received on the topic: " + received(), e);
        }
    }

    private Optional<Map<String, Object>> first(Predicate<Map<String, Object>> condition) {
        return received().stream().filter(condition).findFirst();
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
