package org.bastion.crm.security.internal.jaas;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Replaces Karaf's own {@code karaf} realm (users.properties and keys.properties, rank 0) with one that admits CRM
 * administrators only: Karaf uses the realm of a name with the highest {@link #getRank() rank}.
 *
 * <p>Karaf's JAAS configuration loads {@link ProxyLoginModule} (exported by the system bundle), which loads
 * {@link CrmConsoleLoginModule} from this bundle by the bundle id in the options; the login module finds the
 * {@link org.bastion.crm.api.security.Authenticator} service through the bundle context passed there too. The realm
 * stays registered while the Authenticator is missing, so that logins fail instead of falling back to Karaf's realm.
 */
@Component(service = JaasRealm.class, immediate = true)
public class CrmKarafRealm implements JaasRealm {

    /** The realm name Karaf's SSH server, web console and JMX connector use by default. */
    static final String NAME = "karaf";

    /** Above Karaf's own {@code karaf} realm (rank 0). */
    static final int RANK = 100;

    private final BundleContext bundleContext;

    @Activate
    public CrmKarafRealm(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = Map.of(
                BundleContext.class.getName(), bundleContext,
                ProxyLoginModule.PROPERTY_MODULE, CrmConsoleLoginModule.class.getName(),
                ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleContext.getBundle().getBundleId()));
        return new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)
        };
    }
}
