package org.bastion.crm.security.internal.jaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

class CrmKarafRealmTest {

    @Test
    void replacesKarafsOwnRealmWithOneRequiredCrmModuleLoadedFromThisBundle() {
        BundleContext context = mock(BundleContext.class);
        Bundle bundle = mock(Bundle.class);
        when(context.getBundle()).thenReturn(bundle);
        when(bundle.getBundleId()).thenReturn(17L);

        CrmKarafRealm realm = new CrmKarafRealm(context);
        AppConfigurationEntry[] entries = realm.getEntries();

        assertThat(realm.getName()).isEqualTo("karaf");
        assertThat(realm.getRank()).as("Karaf's own karaf realm has rank 0").isGreaterThan(0);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getLoginModuleName()).isEqualTo(ProxyLoginModule.class.getName());
            assertThat(entry.getControlFlag()).isEqualTo(LoginModuleControlFlag.REQUIRED);
            Map<String, Object> options = Map.copyOf(entry.getOptions());
            assertThat(options).containsOnly(
                    Map.entry(ProxyLoginModule.PROPERTY_MODULE, CrmConsoleLoginModule.class.getName()),
                    Map.entry(ProxyLoginModule.PROPERTY_BUNDLE, "17"),
                    Map.entry(BundleContext.class.getName(), context));
        });
    }
}
