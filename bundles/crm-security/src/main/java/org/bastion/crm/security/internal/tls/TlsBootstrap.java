package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Creates the self-signed HTTPS keystore before pax-web starts Jetty: the bundle starts at start level 25, below pax-web's 30
 * and SCR's 30, which is why this is a bundle activator and not a DS component (docs/adr/0007-tls-bootstrap.md).
 *
 * <p>It acts only when pax-web's keystore ({@code org.ops4j.pax.web.ssl.keystore}) is the managed {@code etc/crm-tls.p12},
 * or unset, and that file is missing; an operator's own keystore elsewhere is left alone. If pax-web is already running
 * (the bundle was installed into a live Karaf), pax-web's configuration is re-delivered so Jetty opens the new keystore.
 * Failures are logged, never thrown: the bundle's services must start even when HTTPS cannot.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class TlsBootstrap implements BundleActivator {

    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    static final String PAX_WEB_KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    private static final String PAX_WEB_RUNTIME = "org.ops4j.pax.web.pax-web-runtime";
    private static final Logger LOG = System.getLogger(TlsBootstrap.class.getName());

    @Override
    public void start(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        if (etc == null) {
            LOG.log(Level.WARNING, "HTTPS: karaf.etc is not set, no self-signed keystore is created");
            return;
        }
        ManagedKeystore keystore = new ManagedKeystore(Path.of(etc), Clock.systemUTC(), new SecureRandom());
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin configurationAdmin = reference == null ? null : context.getService(reference);
        try {
            Configuration paxWeb = find(configurationAdmin, PAX_WEB_PID);
            Object configured = paxWeb == null || paxWeb.getProperties() == null ? null : paxWeb.getProperties().get(PAX_WEB_KEYSTORE);
            if (configured != null && !Path.of(configured.toString()).toAbsolutePath().normalize().equals(keystore.keystore().normalize())) {
                LOG.log(Level.INFO, "HTTPS: using the keystore configured for pax-web: " + configured);
                return;
            }
            TlsSettings settings = settings(find(configurationAdmin, TlsSettings.PID));
            if (keystore.createIfMissing(settings)) {
                LOG.log(Level.INFO, "HTTPS: created a self-signed certificate for " + settings.commonName() + " in "
                        + keystore.keystore() + " (its password is in " + keystore.passwordFile() + ", owner-only)");
                redeliverIfRunning(context, paxWeb);
            }
        } catch (IOException | GeneralSecurityException | InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.ERROR, "HTTPS: could not create the self-signed keystore " + keystore.keystore() + ": " + e);
        } finally {
            if (configurationAdmin != null) {
                context.ungetService(reference);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to release: the keystore outlives the bundle
    }

    /** The generator's settings; with a malformed value the defaults, so that HTTPS still comes up. */
    private static TlsSettings settings(Configuration tls) {
        try {
            return TlsSettings.from(tls == null ? Map.of() : asMap(tls.getProperties()));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "HTTPS: etc/" + TlsSettings.PID + ".cfg: " + e.getMessage()
                    + "; the certificate gets the defaults (localhost, 127.0.0.1, " + TlsSettings.MAX_VALIDITY_DAYS + " days)");
            return TlsSettings.defaults();
        }
    }

    private static Configuration find(ConfigurationAdmin configurationAdmin, String pid)
            throws IOException, InvalidSyntaxException {
        if (configurationAdmin == null) {
            return null;
        }
        Configuration[] found = configurationAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
        return found == null || found.length == 0 ? null : found[0];
    }

    /** pax-web read its configuration before the keystore existed: hand it the same configuration again. */
    private static void redeliverIfRunning(BundleContext context, Configuration paxWeb) throws IOException {
        if (paxWeb == null || paxWeb.getProperties() == null) {
            return;
        }
        for (Bundle bundle : context.getBundles()) {
            if (PAX_WEB_RUNTIME.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                LOG.log(Level.INFO, "HTTPS: pax-web is already running, re-applying its configuration");
                paxWeb.update(paxWeb.getProperties());
                return;
            }
        }
    }

    private static Map<String, Object> asMap(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new HashMap<>();
        if (dictionary != null) {
            for (String key : Collections.list(dictionary.keys())) {
                map.put(key, dictionary.get(key));
            }
        }
        return map;
    }
}
