package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import java.util.Dictionary;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The two pax-web settings the plain-HTTP redirect needs, read from the {@code org.ops4j.pax.web} configuration through
 * ConfigurationAdmin (pax-web owns that configuration; the CRM only reads it): whether plain HTTP is on, and the HTTPS port.
 */
public record PaxWebSettings(boolean plainHttpEnabled, int securePort) {

    /** pax-web's configuration PID. */
    public static final String PID = "org.ops4j.pax.web";

    static final String HTTP_ENABLED = "org.osgi.service.http.enabled";
    static final String SECURE_PORT = "org.osgi.service.http.port.secure";
    private static final int DEFAULT_SECURE_PORT = 8443;

    /** pax-web's current settings; its defaults (plain HTTP on, 8443) when it has no configuration. */
    public static PaxWebSettings read(ConfigurationAdmin configurationAdmin) throws IOException {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + ")");
            return from(found == null || found.length == 0 ? null : found[0].getProperties());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid", e);
        }
    }

    /** The settings in a configuration dictionary, or pax-web's defaults for what is missing or malformed. */
    static PaxWebSettings from(Dictionary<String, Object> properties) {
        if (properties == null) {
            return new PaxWebSettings(true, DEFAULT_SECURE_PORT);
        }
        Object enabled = properties.get(HTTP_ENABLED);
        boolean plainHttp = enabled == null || Boolean.parseBoolean(enabled.toString().strip());
        int port = DEFAULT_SECURE_PORT;
        Object configuredPort = properties.get(SECURE_PORT);
        if (configuredPort != null) {
            try {
                port = Integer.parseInt(configuredPort.toString().strip());
            } catch (NumberFormatException e) {
                port = DEFAULT_SECURE_PORT;
            }
        }
        return new PaxWebSettings(plainHttp, port);
    }
}
