package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * One configuration PID (file {@code etc/<pid>.cfg}) through ConfigurationAdmin, as an operator saving the file would
 * change it: remember it, change some properties while keeping the others, and put it back as it was.
 */
public class ManagedConfiguration {

    private final BundleContext bundleContext;
    private final String pid;

    /** The configuration of {@code pid} as the container's ConfigurationAdmin holds it. */
    public ManagedConfiguration(BundleContext bundleContext, String pid) {
        this.bundleContext = bundleContext;
        this.pid = pid;
    }

    /** A copy of the current properties (empty when there is no configuration yet). */
    public Dictionary<String, Object> snapshot() {
        return withAdmin(admin -> copy(configuration(admin).getProperties()));
    }

    /** Updates the configuration: every current property, with {@code changes} put over them (a null value removes one). */
    public void update(Map<String, Object> changes) {
        withAdmin(admin -> {
            Configuration configuration = configuration(admin);
            Dictionary<String, Object> properties = copy(configuration.getProperties());
            changes.forEach((key, value) -> {
                if (value == null) {
                    properties.remove(key);
                } else {
                    properties.put(key, value);
                }
            });
            configuration.update(properties);
            return null;
        });
    }

    /** Puts back a {@link #snapshot()}. */
    public void restore(Dictionary<String, Object> snapshot) {
        withAdmin(admin -> {
            configuration(admin).update(copy(snapshot));
            return null;
        });
    }

    private Configuration configuration(ConfigurationAdmin admin) throws IOException {
        try {
            Configuration[] existing = admin.listConfigurations("(service.pid=" + pid + ")");
            if (existing != null && existing.length > 0) {
                return existing[0];
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return admin.getConfiguration(pid, null);
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    private <T> T withAdmin(AdminCall<T> call) {
        ServiceReference<ConfigurationAdmin> reference = bundleContext.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new AssertionError("no ConfigurationAdmin service in the container");
        }
        ConfigurationAdmin admin = bundleContext.getService(reference);
        try {
            return call.apply(admin);
        } catch (IOException e) {
            throw new UncheckedIOException("ConfigurationAdmin failed on " + pid, e);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    /** A call on ConfigurationAdmin that may fail with an IOException. */
    @FunctionalInterface
    private interface AdminCall<T> {
        T apply(ConfigurationAdmin admin) throws IOException;
    }
}
