package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Optional;
import org.bastion.crm.security.internal.http.SecurityHeadersCustomizer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Turns {@link PlainHttpRedirect} on exactly while pax-web's configuration has plain HTTP on and pax-web's Jetty bundle
 * is active, so that turning on plain HTTP ({@code org.osgi.service.http.enabled = true}) only ever opens a redirect to
 * HTTPS, and off (the default) costs nothing: registering a Jetty handler restarts Jetty. Turns the
 * {@link SecurityHeadersCustomizer} on while pax-web's Jetty bundle is active, whatever the configuration.
 *
 * <p>pax-web-jetty 8.0.34 fails to start (NullPointerException in its handler tracker) if a Jetty handler service
 * exists before its activator has finished, hence the wait for its STARTED event and the withdrawal on STOPPING.
 */
@Component(immediate = true, service = ConfigurationListener.class)
public class PlainHttpRedirectSwitch implements ConfigurationListener {

    static final String PAX_WEB_JETTY = "org.ops4j.pax.web.pax-web-jetty";
    private static final Logger LOG = System.getLogger(PlainHttpRedirectSwitch.class.getName());
    private static final String REDIRECT = PlainHttpRedirect.class.getName();
    private static final String HEADERS = SecurityHeadersCustomizer.class.getName();

    private final ComponentContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final BundleListener jettyWatch = this::bundleChanged;
    /** The HTTPS port redirected to, 0 while not redirecting. */
    private int redirectingTo;
    /** Whether the security headers customizer is enabled. */
    private boolean headersOn;

    /** Applies pax-web's current settings and follows its Jetty bundle. */
    @Activate
    public PlainHttpRedirectSwitch(ComponentContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        context.getBundleContext().addBundleListener(jettyWatch);
        apply();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (PaxWebSettings.PID.equals(event.getPid())) {
            apply();
        }
    }

    @Deactivate
    void deactivate() {
        context.getBundleContext().removeBundleListener(jettyWatch);
        context.disableComponent(REDIRECT);
        context.disableComponent(HEADERS);
    }

    private void bundleChanged(BundleEvent event) {
        if (PAX_WEB_JETTY.equals(event.getBundle().getSymbolicName())
                && (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.STOPPING)) {
            apply();
        }
    }

    private synchronized void apply() {
        boolean jetty = jettyActive(context.getBundleContext());
        if (jetty != headersOn) {
            if (jetty) {
                context.enableComponent(HEADERS);
            } else {
                context.disableComponent(HEADERS);
            }
            headersOn = jetty;
        }
        boolean wanted;
        int securePort;
        try {
            PaxWebSettings settings = PaxWebSettings.read(configurationAdmin);
            wanted = settings.plainHttpEnabled() && jetty;
            securePort = settings.securePort();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "HTTPS: cannot read pax-web's configuration: " + e);
            return;
        }
        int target = wanted ? securePort : 0;
        if (target == redirectingTo) {
            return;
        }
        // off first: enabling again re-reads the HTTPS port
        context.disableComponent(REDIRECT);
        if (wanted) {
            LOG.log(Level.INFO, "HTTPS: plain HTTP is on, it only redirects to HTTPS port " + securePort);
            context.enableComponent(REDIRECT);
        }
        redirectingTo = target;
    }

    private static boolean jettyActive(BundleContext bundleContext) {
        Optional<Bundle> jetty = Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> PAX_WEB_JETTY.equals(bundle.getSymbolicName())).findFirst();
        return jetty.isPresent() && jetty.get().getState() == Bundle.ACTIVE;
    }
}
