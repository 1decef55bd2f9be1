package org.bastion.crm.security.internal.tls;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;

class PlainHttpRedirectSwitchTest {

    private static final String HEADERS = "org.bastion.crm.security.internal.http.SecurityHeadersCustomizer";
    private static final String REDIRECT = PlainHttpRedirect.class.getName();

    private static ComponentContext contextWithJetty(int jettyState) {
        Bundle jetty = mock(Bundle.class);
        when(jetty.getSymbolicName()).thenReturn(PlainHttpRedirectSwitch.PAX_WEB_JETTY);
        when(jetty.getState()).thenReturn(jettyState);
        BundleContext bundleContext = mock(BundleContext.class);
        when(bundleContext.getBundles()).thenReturn(new Bundle[] {jetty});
        ComponentContext context = mock(ComponentContext.class);
        when(context.getBundleContext()).thenReturn(bundleContext);
        return context;
    }

    private static ConfigurationAdmin plainHttp(boolean enabled) throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("org.osgi.service.http.enabled", String.valueOf(enabled));
        Configuration configuration = mock(Configuration.class);
        when(configuration.getProperties()).thenReturn(properties);
        ConfigurationAdmin configurationAdmin = mock(ConfigurationAdmin.class);
        when(configurationAdmin.listConfigurations("(service.pid=org.ops4j.pax.web)"))
                .thenReturn(new Configuration[] {configuration});
        return configurationAdmin;
    }

    @Test
    void theSecurityHeadersCustomizerIsOnWhileJettyIsActiveAndTheRedirectStaysOff() throws Exception {
        ComponentContext context = contextWithJetty(Bundle.ACTIVE);

        new PlainHttpRedirectSwitch(context, plainHttp(false));

        verify(context).enableComponent(HEADERS);
        verify(context, never()).enableComponent(REDIRECT);
    }

    @Test
    void noHandlerIsRegisteredBeforeJettyHasStarted() throws Exception {
        ComponentContext context = contextWithJetty(Bundle.STARTING);

        new PlainHttpRedirectSwitch(context, plainHttp(true));

        verify(context, never()).enableComponent(HEADERS);
        verify(context, never()).enableComponent(REDIRECT);
    }

    @Test
    void plainHttpAddsTheRedirectBesideTheHeaders() throws Exception {
        ComponentContext context = contextWithJetty(Bundle.ACTIVE);

        new PlainHttpRedirectSwitch(context, plainHttp(true));

        verify(context).enableComponent(HEADERS);
        verify(context).enableComponent(REDIRECT);
    }
}
