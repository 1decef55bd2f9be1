package org.bastion.crm.monitor.internal.config;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Holds the rules' settings in force, read from PID {@code org.bastion.crm.monitor} and applied live: a configuration
 * that is wrong anywhere is refused whole, the settings in force stay, and one WARN line says why.
 */
@Component(service = MonitorSettingsHolder.class, configurationPid = "org.bastion.crm.monitor",
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MonitorConfiguration.class)
public final class MonitorSettingsHolder {

    private static final System.Logger LOG = System.getLogger(MonitorSettingsHolder.class.getName());

    private volatile MonitorSettings current = MonitorSettings.DEFAULTS;

    /** Settings as shipped (tests). */
    public MonitorSettingsHolder() {
    }

    @Activate
    public MonitorSettingsHolder(Map<String, Object> properties) {
        apply(properties);
    }

    /** Applies a changed configuration (one INFO line), or keeps the settings in force when it is wrong. */
    @Modified
    public void modified(Map<String, Object> properties) {
        if (apply(properties)) {
            LOG.log(System.Logger.Level.INFO, "Monitoring configuration org.bastion.crm.monitor applied");
        }
    }

    /** The settings in force. */
    public MonitorSettings current() {
        return current;
    }

    /** Applies {@code properties}; whether they were accepted. */
    public boolean apply(Map<String, ?> properties) {
        try {
            current = SettingsParser.parse(properties);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Monitoring configuration org.bastion.crm.monitor refused, the rules "
                    + "in force stay unchanged: " + e.getMessage());
            return false;
        }
    }
}
